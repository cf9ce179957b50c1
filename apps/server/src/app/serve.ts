import type { Config } from "../config/env.js";
import { buildApp } from "./build-app.js";
import { closeContext, createContext } from "./create-context.js";

export interface ServeOptions {
  /** Load the demo federation before serving (first start only: an instance already set up is left alone). */
  demo?: boolean;
}

/** Starts one node: HTTP API, web app, real time (and jobs unless JOBS_ENABLED=false). Stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, options: ServeOptions = {}): Promise<void> {
  const ctx = await createContext(config);
  const app = await buildApp(ctx, { serveWeb: true });
  if (options.demo) {
    const { loadDemo } = await import("../modules/setup/setup.public.js");
    await loadDemo(ctx, { print: (line) => console.log(line) });
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
  await app.listen({ port: config.port, host: config.host });
  console.log(`Trame is ready: ${config.publicUrl} (database: ${ctx.database.kind === "pglite" ? `embedded, ${config.dataDir}` : "PostgreSQL"})`);
}
