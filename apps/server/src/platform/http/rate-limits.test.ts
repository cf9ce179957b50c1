import { randomBytes } from "node:crypto";
import pino from "pino";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/env.js";
import type { AppContext } from "../app-context.js";
import { createHttpServer, type HttpServer } from "./http-server.js";
import { RedisRateLimitStore } from "./rate-limit-store.js";
import { authRateLimit, emailRateLimit, refundRateLimits } from "./rate-limits.js";

const logger = pino({ level: "silent" });
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Two nodes sharing Redis, each with one rate-limited route (no database is involved: only what the limits read
 * from the context is given). `ok: false` in the body stands for a failed attempt; a success gives its attempts back.
 */
async function startNode(bucket: string): Promise<{ app: HttpServer; store: RedisRateLimitStore }> {
  const store = new RedisRateLimitStore(redisUrl, logger);
  const ctx = { config: loadConfig({ AUTH_RATE_LIMIT: "2", TRUST_PROXY: "true" }), rateLimits: store } as unknown as AppContext;
  const app = await createHttpServer({ logger, trustProxy: true, version: "test" });
  app.post(
    "/attempt",
    {
      schema: { body: z.object({ email: z.string(), ok: z.boolean() }) },
      onRequest: authRateLimit(ctx, bucket),
      preHandler: emailRateLimit(ctx, bucket),
    },
    async (request) => {
      if (request.body.ok) await refundRateLimits(ctx, request);
      return { done: true };
    },
  );
  await app.ready();
  return { app, store };
}

describe("route rate limits shared by several nodes through Redis", () => {
  const bucket = `test-${randomBytes(6).toString("hex")}`;
  let a: Awaited<ReturnType<typeof startNode>>;
  let b: Awaited<ReturnType<typeof startNode>>;
  beforeAll(async () => {
    a = await startNode(bucket);
    b = await startNode(bucket);
  });
  afterAll(async () => {
    for (const n of [a, b]) {
      await n?.app.close();
      await n?.store.close();
    }
  });

  const attempt = (node: { app: HttpServer }, ip: string, email: string, ok = false) =>
    node.app.inject({ method: "POST", url: "/attempt", headers: { "x-forwarded-for": ip }, payload: { email, ok } });

  it("counts one IP's attempts on every node", async () => {
    expect((await attempt(a, "192.0.2.1", "one@example.org")).statusCode).toBe(200);
    expect((await attempt(b, "192.0.2.1", "two@example.org")).statusCode).toBe(200);
    const third = await attempt(a, "192.0.2.1", "three@example.org");
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("RATE_LIMITED");
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("counts one address's attempts from every IP and node, whatever its case", async () => {
    expect((await attempt(a, "192.0.2.10", "Target@Example.org")).statusCode).toBe(200);
    expect((await attempt(b, "192.0.2.11", "target@example.org")).statusCode).toBe(200);
    expect((await attempt(a, "192.0.2.12", "TARGET@example.org")).statusCode).toBe(429);
  });

  it("does not count attempts that the route gives back", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? a : b, "192.0.2.20", `ok${i}@example.org`, true)).statusCode).toBe(200);
  });
});
