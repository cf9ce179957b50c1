import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/journeys/**/*.journey.ts"],
    pool: "forks",
    // One journey at a time: each starts a server and a browser, and the machines have two cores.
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
