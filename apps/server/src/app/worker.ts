import type { Config } from "../config/env.js";
import type { AppContext } from "../platform/app-context.js";
import { closeContext, createContext } from "./create-context.js";

export interface RunningWorker {
  ctx: AppContext;
  stop(): Promise<void>;
}

/**
 * A node that runs background jobs only, no HTTP (`trame serve --worker`): mail delivery, purges, schedules.
 * Jobs start whatever JOBS_ENABLED says: that setting is for the HTTP nodes that leave jobs to such workers.
 */
export async function startWorker(config: Config): Promise<RunningWorker> {
  const ctx = await createContext(config, { startJobs: true });
  return { ctx, stop: () => closeContext(ctx) };
}

/** startWorker, stopped cleanly on SIGINT/SIGTERM (a running job may finish first). */
export async function runWorker(config: Config): Promise<void> {
  const worker = await startWorker(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    worker.ctx.logger.info({ signal }, "stopping the worker");
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  console.log(`Trame worker is running background jobs (database: ${worker.ctx.database.kind === "pglite" ? `embedded, ${config.dataDir}` : "PostgreSQL"})`);
}
