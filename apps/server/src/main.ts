// `npm start` lands here: serve one node. `npm start -- --demo` loads the demo federation first.
// The `trame` command (cli.ts) offers the same and the administration commands.
import { ConfigError, loadConfig } from "./config/env.js";
import { DataDirLockedError } from "./platform/db/data-dir-lock.js";
import { serve } from "./app/serve.js";

try {
  await serve(loadConfig(), { demo: process.argv.includes("--demo") });
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
