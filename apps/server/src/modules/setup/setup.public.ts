// The setup module's public surface: the only file of setup that the CLI and the composition root import
// (docs/ARCHITECTURE.md, "Module boundaries").

export { completeSetup } from "./setup.service.js";
export { loadDemo, type LoadDemoOptions } from "./demo.service.js";
