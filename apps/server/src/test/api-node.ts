// A node serving the API and the real-time hub only (no web app), configured by the environment like main.ts.
// Started as a child process by tests that need several real server processes (platform/realtime/two-nodes.test.ts).
import { loadConfig } from "../config/env.js";
import { buildApp } from "../app/build-app.js";
import { closeContext, createContext } from "../app/create-context.js";

const config = loadConfig();
const ctx = await createContext(config);
const app = await buildApp(ctx);
const stop = async () => {
  await app.close();
  await closeContext(ctx);
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
await app.listen({ port: config.port, host: config.host });
