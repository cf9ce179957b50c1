import { Redis } from "ioredis";
import type { FastifyBaseLogger } from "fastify";

/** Fixed-window counters. In memory for one node; in Redis when several nodes must share them. */
export interface RateLimitStore {
  /** Counts one attempt under `key`; answers the count in the current window and the milliseconds it has left. */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Gives one attempt back (e.g. a successful sign-in does not count against others sharing an address). */
  decrement(key: string): Promise<void>;
  /** The count in the current window, without counting anything (0 when there is none). */
  peek(key: string): Promise<number>;
  /** Forgets a counter (e.g. a successful sign-in clears its own IP and address pair). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

const MEMORY_SWEEP_EVERY = 1_000;

export class MemoryRateLimitStore implements RateLimitStore {
  readonly #counters = new Map<string, { count: number; resetAt: number }>();
  #sinceSweep = 0;

  async increment(key: string, windowMs: number) {
    const now = Date.now();
    if (++this.#sinceSweep >= MEMORY_SWEEP_EVERY) this.#sweep(now);
    let counter = this.#counters.get(key);
    if (!counter || counter.resetAt <= now) {
      counter = { count: 0, resetAt: now + windowMs };
      this.#counters.set(key, counter);
    }
    counter.count += 1;
    return { count: counter.count, resetInMs: counter.resetAt - now };
  }

  async decrement(key: string) {
    const counter = this.#counters.get(key);
    if (counter && counter.count > 0) counter.count -= 1;
  }

  async peek(key: string) {
    const counter = this.#counters.get(key);
    return counter && counter.resetAt > Date.now() ? counter.count : 0;
  }

  async reset(key: string) {
    this.#counters.delete(key);
  }

  async close() {
    this.#counters.clear();
  }

  /** Expired counters are dropped now and then, so memory follows the number of recent visitors. */
  #sweep(now: number) {
    this.#sinceSweep = 0;
    for (const [key, counter] of this.#counters) if (counter.resetAt <= now) this.#counters.delete(key);
  }
}

// One round trip, atomic: the first hit of a window sets its expiry; a key left without one (never expected) gets it.
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

const DECREMENT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Counters shared by every node through Redis. If Redis cannot be reached the attempt is let through (and logged):
 * a Redis restart must not lock everybody out of signing in.
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #redis: Redis;

  constructor(
    url: string,
    private readonly logger: FastifyBaseLogger,
    private readonly prefix = "trame:rate:",
  ) {
    this.#redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2_000, lazyConnect: false });
    this.#redis.on("error", (err) => this.logger.debug({ err }, "rate-limit store: Redis error"));
  }

  async increment(key: string, windowMs: number) {
    try {
      const result = await this.#redis.eval(INCREMENT_SCRIPT, 1, this.prefix + key, String(windowMs));
      const [count, ttl] = Array.isArray(result) ? result.map(Number) : [NaN, NaN];
      if (!Number.isFinite(count) || !Number.isFinite(ttl)) throw new Error("unexpected answer from Redis");
      return { count: count!, resetInMs: ttl! };
    } catch (err) {
      this.logger.warn({ err }, "rate-limit store unavailable: attempt allowed");
      return { count: 0, resetInMs: windowMs };
    }
  }

  async decrement(key: string) {
    try {
      await this.#redis.eval(DECREMENT_SCRIPT, 1, this.prefix + key);
    } catch (err) {
      this.logger.warn({ err }, "rate-limit store unavailable: refund skipped");
    }
  }

  async peek(key: string) {
    try {
      const value = await this.#redis.get(this.prefix + key);
      const count = Number(value ?? 0);
      return Number.isFinite(count) ? count : 0;
    } catch (err) {
      this.logger.warn({ err }, "rate-limit store unavailable: counted as none");
      return 0;
    }
  }

  async reset(key: string) {
    try {
      await this.#redis.del(this.prefix + key);
    } catch (err) {
      this.logger.warn({ err }, "rate-limit store unavailable: reset skipped");
    }
  }

  async close() {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}

export function createRateLimitStore(redisUrl: string | undefined, logger: FastifyBaseLogger, keyPrefix = "trame:"): RateLimitStore {
  return redisUrl ? new RedisRateLimitStore(redisUrl, logger, `${keyPrefix}rate:`) : new MemoryRateLimitStore();
}
