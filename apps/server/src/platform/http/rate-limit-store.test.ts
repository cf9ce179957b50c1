import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from "./rate-limit-store.js";

const logger = pino({ level: "silent" });
// The Redis of the test machine (CI provides one, as for the real-time relay tests).
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const key = () => `test:${randomBytes(8).toString("hex")}`;

function behaves(name: string, open: () => RateLimitStore) {
  describe(name, () => {
    const store = open();
    afterAll(() => store.close());

    it("counts attempts within a window and tells how long the window has left", async () => {
      const k = key();
      expect((await store.increment(k, 60_000)).count).toBe(1);
      const second = await store.increment(k, 60_000);
      expect(second.count).toBe(2);
      expect(second.resetInMs).toBeGreaterThan(0);
      expect(second.resetInMs).toBeLessThanOrEqual(60_000);
    });

    it("starts a new window once the previous one is over", async () => {
      const k = key();
      await store.increment(k, 150);
      await store.increment(k, 150);
      await new Promise((r) => setTimeout(r, 300));
      expect((await store.increment(k, 150)).count).toBe(1);
    });

    it("tells a counter's value without counting, and forgets a counter on reset", async () => {
      const k = key();
      expect(await store.peek(k)).toBe(0);
      await store.increment(k, 60_000);
      await store.increment(k, 60_000);
      expect(await store.peek(k)).toBe(2);
      expect(await store.peek(k)).toBe(2);
      await store.reset(k);
      expect(await store.peek(k)).toBe(0);
      expect((await store.increment(k, 60_000)).count).toBe(1);
    });

    it("gives an attempt back, never below zero", async () => {
      const k = key();
      await store.increment(k, 60_000);
      await store.decrement(k);
      await store.decrement(k);
      expect((await store.increment(k, 60_000)).count).toBe(1);
    });
  });
}

behaves("memory rate-limit store", () => new MemoryRateLimitStore());
behaves("Redis rate-limit store", () => new RedisRateLimitStore(redisUrl, logger));

describe("Redis rate-limit store across nodes", () => {
  const a = new RedisRateLimitStore(redisUrl, logger);
  const b = new RedisRateLimitStore(redisUrl, logger);
  const down = new RedisRateLimitStore("redis://127.0.0.1:1", logger);
  afterAll(async () => {
    await a.close();
    await b.close();
    await down.close();
  });

  it("shares one counter between two nodes", async () => {
    const k = key();
    await a.increment(k, 60_000);
    await b.increment(k, 60_000);
    expect((await a.increment(k, 60_000)).count).toBe(3);
  });

  it("lets attempts through when Redis cannot be reached, rather than locking everybody out", async () => {
    const result = await down.increment(key(), 60_000);
    expect(result.count).toBe(0);
  });
});
