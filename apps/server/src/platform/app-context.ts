import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config/env.js";
import type { Database, Db } from "./db/database.js";
import type { DomainEventBus } from "./events/domain-events.js";

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
}
