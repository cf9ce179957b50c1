import { performance } from "node:perf_hooks";
import type { Config } from "../config/env.js";
import { printPhase, timedPhase } from "../platform/startup-phases.js";
import { buildApp } from "./build-app.js";
import { closeContext, createContext } from "./create-context.js";

export interface ServeOptions {
  /** Load the demo federation before serving (first start only: an instance already set up is left alone). */
  demo?: boolean;
}

/** Starts one node: HTTP API, web app, real time (and jobs unless JOBS_ENABLED=false). Stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, options: ServeOptions = {}): Promise<void> {
  const print = (line: string) => console.log(line);
  const phase = printPhase(print);
  // The time since the process started: loading (and compiling) the server's code.
  print("Starting Trame…");
  phase("load code", performance.now());
  const ctx = await createContext(config, { onPhase: phase, startJobs: false });
  // The job workers start while the HTTP app is built, the demo loads and the node begins to listen: they need only
  // the database, and a job sent meanwhile waits for the job system to be open (jobs.ts). The start is complete
  // (and "ready" printed) once they run; a failure to start them still stops the node.
  const jobsStarted = config.jobsEnabled ? timedPhase(phase, "jobs start", () => ctx.jobs.start()) : Promise.resolve();
  // Awaited below; until then, an early failure must not count as an unhandled rejection.
  jobsStarted.catch(() => {});
  const app = await timedPhase(phase, "HTTP app", () => buildApp(ctx, { serveWeb: true }));
  if (options.demo) {
    const { loadDemo } = await import("../modules/setup/setup.public.js");
    await timedPhase(phase, "demo", () => loadDemo(ctx, { print, onPhase: phase }));
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ signal }, "stopping");
    await app.close();
    await closeContext(ctx);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await timedPhase(phase, "listen", () => app.listen({ port: config.port, host: config.host }));
  try {
    await jobsStarted;
  } catch (err) {
    await app.close();
    await closeContext(ctx);
    throw err;
  }
  print(
    `Trame is ready in ${(performance.now() / 1000).toFixed(1)} s: ${config.publicUrl} (database: ${ctx.database.kind === "pglite" ? `embedded, ${config.dataDir}` : "PostgreSQL"})`,
  );
}
