import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config/env.js";
import type { Database, Db } from "./db/database.js";
import type { DomainEventBus } from "./events/domain-events.js";
import type { RateLimitStore } from "./http/rate-limit-store.js";
import type { Jobs } from "./jobs/jobs.js";
import type { RealtimeHub } from "./realtime/realtime-hub.js";
import type { StorageDriver } from "./storage/storage-driver.js";
import type { StorageSweep } from "./storage/storage-sweep.js";

/**
 * What every module receives: configuration and platform services. Built once by the composition root
 * (src/app/create-context.ts); tests build it the same way on a throw-away database.
 */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  events: DomainEventBus;
  logger: FastifyBaseLogger;
  /** Background jobs (pg-boss): modules register handlers and schedules in app/job-modules.ts. */
  jobs: Jobs;
  /** Counters of the route rate limits (platform/http/rate-limits.ts): memory, or Redis when REDIS_URL is set. */
  rateLimits: RateLimitStore;
  /** Files (logos, avatars, later documents): the data directory, or S3 when S3_BUCKET is set. */
  storage: StorageDriver;
  /** Key spaces of stored files (prefix + "which keys do rows reference"): a daily job deletes the unreferenced ones. */
  storageSweep: StorageSweep;
  /** The WebSocket hub: `publish` reaches a room's clients on every node (Redis relay when REDIS_URL is set). */
  realtime: RealtimeHub;
}
