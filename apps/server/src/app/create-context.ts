import pino from "pino";
import type { Config } from "../config/env.js";
import type { AppContext } from "../platform/app-context.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { DomainEventBus } from "../platform/events/domain-events.js";
import { createRateLimitStore } from "../platform/http/rate-limit-store.js";
import { PgBossJobs } from "../platform/jobs/jobs.js";
import { timedPhase, type PhaseReporter } from "../platform/startup-phases.js";
import { createStorage } from "../platform/storage/create-storage.js";
import { StorageSweep } from "../platform/storage/storage-sweep.js";
import { jobModules } from "./job-modules.js";
import { authorizeRoom, createRealtimeHub, publishDomainEvents } from "./realtime-wiring.js";
import { registerNoticeSubscriber } from "../modules/notices/notices.public.js";

export interface CreateContextOptions {
  /** Use a throw-away in-memory embedded database (tests). */
  memoryDatabase?: boolean;
  /**
   * Start the job workers and schedules (default: config.jobsEnabled). Administration commands pass false: they
   * may still send jobs, which the workers of a running node then run.
   */
  startJobs?: boolean;
  /** Told the duration of each phase (database, migrations, jobs…): `serve` prints them. */
  onPhase?: PhaseReporter;
}

/** The composition root: opens the database, applies migrations, builds the platform services. */
export async function createContext(config: Config, options: CreateContextOptions = {}): Promise<AppContext> {
  const logger = pino({ level: config.logLevel });
  const phase = options.onPhase;
  const database = await timedPhase(phase, config.databaseUrl ? "connect to PostgreSQL" : "open embedded database", () =>
    openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: options.memoryDatabase ? "memory" : config.dataDir,
      poolSize: config.databasePoolSize,
    }),
  );
  try {
    await timedPhase(phase, "migrations", () => migrateDatabase(database));
  } catch (err) {
    await database.close();
    throw err;
  }
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    events: new DomainEventBus(),
    logger,
    jobs: new PgBossJobs(database, logger),
    rateLimits: createRateLimitStore(config.redisUrl, logger, config.redisKeyPrefix),
    storage: await createStorage(config.storage, logger),
    storageSweep: new StorageSweep(),
    // The authorizer reads the context it is part of; it is first called when a socket subscribes, long after this.
    realtime: await timedPhase(phase, "real time", () => createRealtimeHub(config, logger, (userId, room) => authorizeRoom(ctx, userId, room))),
  };
  publishDomainEvents(ctx);
  // Requests and decisions become mail (queued in their transaction) and badge updates.
  registerNoticeSubscriber(ctx);
  try {
    for (const register of jobModules) register(ctx);
    if (options.startJobs ?? config.jobsEnabled) await timedPhase(phase, "jobs start", () => ctx.jobs.start());
  } catch (err) {
    await closeContext(ctx);
    throw err;
  }
  return ctx;
}

/** Stops what createContext started, in reverse order. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.realtime.close();
  await ctx.storage.close();
  await ctx.jobs.stop();
  await ctx.rateLimits.close();
  await ctx.database.close();
}
