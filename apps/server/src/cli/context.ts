import { loadConfig, type Config } from "../config/env.js";
import { closeContext, createContext } from "../app/create-context.js";
import type { AppContext } from "../platform/app-context.js";
import type { Actor } from "../platform/authz/actor.js";
import { DataDirLockedError } from "../platform/db/data-dir-lock.js";
import type { PhaseReporter } from "../platform/startup-phases.js";
import { CliError } from "./command.js";

/** The server's configuration (same variables, same defaults), quieter: an admin command prints its own lines. */
export function loadCliConfig(): Config {
  const config = loadConfig();
  return { ...config, logLevel: config.logLevel === "info" ? "warn" : config.logLevel };
}

/**
 * Runs an administration command on the configured database (migrations applied first, as at server start), then
 * closes it. Background jobs are never started here: the command does its work and exits.
 * The context has its own real-time hub, without sockets: with REDIS_URL its relay announces what the command
 * does to the running nodes (e.g. the sessions a password reset closed: their sockets are closed there; closing the
 * context sends what is pending before it quits). Without Redis no other process hears it: a server on the same
 * PostgreSQL keeps those sockets open until they reconnect, which is then refused (4401) since the sessions are gone.
 */
export async function withAppContext<T>(work: (ctx: AppContext) => Promise<T>, options: { onPhase?: PhaseReporter } = {}): Promise<T> {
  const config: Config = { ...loadCliConfig(), jobsEnabled: false };
  const ctx = await openContext(config, false, options.onPhase);
  try {
    return await work(ctx);
  } finally {
    await closeContext(ctx);
  }
}

export async function openContext(config: Config, startJobs = false, onPhase?: PhaseReporter): Promise<AppContext> {
  try {
    return await createContext(config, { startJobs, onPhase });
  } catch (err) {
    if (err instanceof DataDirLockedError) throw lockedError(config);
    throw err;
  }
}

/**
 * The person at the server's console runs the instance: for the services, an instance administrator without an
 * account (the nil uuid matches no user). Only read-only lookups take this actor; writes pass `null` as actor id.
 */
export const consoleOperator: Actor = {
  kind: "user",
  userId: "00000000-0000-0000-0000-000000000000",
  isInstanceAdmin: true,
  sessionId: null,
};

/**
 * The embedded database admits one process: with a server running on the same data directory, an admin command
 * must wait for it to stop, or both must use PostgreSQL, which many processes share.
 */
export function lockedError(config: Config): CliError {
  return new CliError(
    `The data directory ${config.dataDir} is in use by a running Trame server: stop the server first or use DATABASE_URL (PostgreSQL) to share the database.`,
  );
}
