import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "./database.js";
import type { DomainEventBus } from "../events/domain-events.js";
import { EventBatch } from "../events/event-batch.js";

/** A transaction handle: repositories accept either the database or a transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** What a transaction needs from the application: the database, and the bus its events go to once committed. */
export interface TransactionContext {
  db: Db;
  events: DomainEventBus;
  logger?: Pick<FastifyBaseLogger, "warn">;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the second attempt is drawn between half of this and all of it; it doubles at each retry. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 20 };

/**
 * SQLSTATEs after which PostgreSQL has rolled the whole transaction back and running it again may well succeed:
 * 40P01 deadlock_detected (the lock order of docs/ARCHITECTURE.md makes them rare, not impossible: foreign keys and
 * unique indexes take locks too) and 40001 serialization_failure.
 */
const RETRYABLE_SQLSTATES = new Set(["40P01", "40001"]);

/** The SQLSTATE of a database error, looked for along the `cause` chain (Drizzle wraps the driver's error). */
export function sqlStateOf(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

export const isRetryableTransactionError = (err: unknown): boolean => RETRYABLE_SQLSTATES.has(sqlStateOf(err) ?? "");

/**
 * THE way services run a transaction. `work` gets the transaction and an EventBatch; the events are emitted on the
 * bus once the transaction has committed, never for a rollback. When PostgreSQL rolls the transaction back for a
 * deadlock or a serialization failure, `work` runs again from the start (at most `attempts` times in all, after a
 * growing, jittered wait so that the transactions that collided do not collide again), with a fresh EventBatch:
 * the events of an attempt that rolled back are dropped.
 *
 * So `work` must touch the world only through `tx` and its EventBatch, and hand anything else that must follow the
 * commit (mail to schedule, sockets to close) back as its result, which comes from the attempt that committed.
 * Slow preparation (password hashing) belongs before the call: it then runs once, and no lock waits for it.
 */
export async function runInTransaction<T>(
  ctx: TransactionContext,
  work: (tx: Tx, events: EventBatch) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const events = new EventBatch();
    let result: T;
    try {
      result = await ctx.db.transaction(async (tx) => {
        const done = await work(tx, events);
        // What the bus's in-transaction listeners write with the change (queued mail) commits with it, or not at all.
        await events.writeWithin(tx, ctx.events);
        return done;
      });
    } catch (err) {
      if (attempt >= policy.attempts || !isRetryableTransactionError(err)) throw err;
      ctx.logger?.warn({ sqlState: sqlStateOf(err), attempt }, "transaction rolled back by the database: running it again");
      await sleep(retryDelayMs(attempt, policy));
      continue;
    }
    await events.emit(ctx.events);
    return result;
  }
}

/** "Equal jitter": half of the exponential step for sure, the other half at random. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = policy.baseDelayMs * 2 ** (attempt - 1);
  return step / 2 + random() * (step / 2);
}
