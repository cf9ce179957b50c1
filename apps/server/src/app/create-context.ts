import pino from "pino";
import type { Config } from "../config/env.js";
import type { AppContext } from "../platform/app-context.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { DomainEventBus } from "../platform/events/domain-events.js";

export interface CreateContextOptions {
  /** Use a throw-away in-memory embedded database (tests). */
  memoryDatabase?: boolean;
}

/** The composition root: opens the database, applies migrations, builds the platform services. */
export async function createContext(config: Config, options: CreateContextOptions = {}): Promise<AppContext> {
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.memoryDatabase ? "memory" : config.dataDir,
    poolSize: config.databasePoolSize,
  });
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return {
    config,
    database,
    db: database.db,
    events: new DomainEventBus(),
    logger,
  };
}

/** Stops what createContext started, in reverse order. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.database.close();
}
