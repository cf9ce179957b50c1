import { CliError, helpOption, type CliCommand } from "./command.js";
import { loadConfig } from "../config/env.js";

export const serveCommand: CliCommand = {
  path: ["serve"],
  summary: "Start a Trame node (HTTP API, web app, real time, background jobs).",
  details: [
    "The same as `npm start`. Migrations are applied at start.",
    "--worker runs the background jobs only (mail, purges), without HTTP: with several nodes behind a load balancer,",
    "run the web nodes with JOBS_ENABLED=false and one or more `trame serve --worker`.",
  ].join("\n"),
  options: {
    demo: { type: "boolean", description: "Load the demo federation first (only on an instance not set up yet)." },
    worker: { type: "boolean", description: "Run background jobs only, no HTTP." },
    help: helpOption,
  },
  longRunning: true,
  async run(values) {
    if (values.worker && values.demo) throw new CliError("--demo and --worker do not go together: load the demo with a web node (or `trame demo`).");
    if (values.worker) {
      const { runWorker } = await import("../app/worker.js");
      await runWorker(loadConfig());
      return;
    }
    const { serve } = await import("../app/serve.js");
    await serve(loadConfig(), { demo: values.demo === true });
  },
};
