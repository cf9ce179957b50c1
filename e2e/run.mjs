// Placeholder replaced by the browser journeys runner.
console.log("e2e: no journeys yet");
