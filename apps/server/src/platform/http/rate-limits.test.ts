import { randomBytes } from "node:crypto";
import pino from "pino";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/env.js";
import type { AppContext } from "../app-context.js";
import { AppError } from "./app-error.js";
import { createHttpServer, type HttpServer } from "./http-server.js";
import { RedisRateLimitStore } from "./rate-limit-store.js";
import {
  authRateLimit,
  credentialRateLimit,
  limitedAttempt,
  mailCooldownPasses,
  signInDelayMs,
  SIGN_IN_DELAY_MAX_MS,
} from "./rate-limits.js";

const logger = pino({ level: "silent" });
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("the sign-in slow-down", () => {
  it("waits nothing below the threshold, then doubles from one second at each failure, up to a few seconds", () => {
    const delays = Array.from({ length: 10 }, (_, failures) => signInDelayMs(failures, 3));
    expect(delays).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000, 5_000]);
    expect(signInDelayMs(1_000_000, 3)).toBe(SIGN_IN_DELAY_MAX_MS);
    expect(SIGN_IN_DELAY_MAX_MS).toBeLessThanOrEqual(10_000);
  });
});

interface Node {
  app: HttpServer;
  store: RedisRateLimitStore;
  ctx: AppContext;
  /** The delays this node made attempts wait (recorded instead of waited: no test waits on a clock). */
  delays: number[];
}

/**
 * Two nodes sharing Redis, each with one limited sign-in-like route (no database is involved: only what the limits
 * read from the context is given). `ok: false` in the body stands for a wrong password, `ok: true` for a right one.
 * AUTH_RATE_LIMIT is 2 and AUTH_IP_RATE_LIMIT 4.
 */
async function startNode(bucket: string): Promise<Node> {
  const store = new RedisRateLimitStore(redisUrl, logger);
  const ctx = {
    config: loadConfig({ AUTH_RATE_LIMIT: "2", AUTH_IP_RATE_LIMIT: "4", TRUST_PROXY: "true" }),
    rateLimits: store,
  } as unknown as AppContext;
  const delays: number[] = [];
  const app = await createHttpServer({ logger, trustProxy: true, version: "test" });
  app.post(
    "/attempt",
    {
      schema: { body: z.object({ email: z.string(), ok: z.boolean() }) },
      onRequest: authRateLimit(ctx, bucket, ctx.config.authIpRateLimit),
      preHandler: credentialRateLimit(ctx, bucket, { sleep: async (ms) => void delays.push(ms) }),
    },
    async (request) =>
      limitedAttempt(ctx, request, async () => {
        if (!request.body.ok) throw new AppError("INVALID_CREDENTIALS", "Wrong e-mail address or password.");
        return { done: true };
      }),
  );
  await app.ready();
  return { app, store, ctx, delays };
}

describe("route rate limits shared by several nodes through Redis", () => {
  let bucket: string;
  let a: Node;
  let b: Node;
  beforeAll(async () => {
    bucket = `test-${randomBytes(6).toString("hex")}`;
    a = await startNode(bucket);
    b = await startNode(bucket);
  });
  afterAll(async () => {
    for (const n of [a, b]) {
      await n?.app.close();
      await n?.store.close();
    }
  });

  const attempt = (node: Node, ip: string, email: string, ok = false) =>
    node.app.inject({ method: "POST", url: "/attempt", headers: { "x-forwarded-for": ip }, payload: { email, ok } });

  it("counts one IP's failures on every node, whatever the address", async () => {
    for (let i = 0; i < 4; i++) expect((await attempt(i % 2 ? a : b, "192.0.2.1", `guess${i}@example.org`)).statusCode).toBe(401);
    const fifth = await attempt(a, "192.0.2.1", "guess5@example.org");
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe("RATE_LIMITED");
    expect(Number(fifth.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("counts one (IP, address) pair's failures on every node, whatever the address's case", async () => {
    expect((await attempt(a, "192.0.2.10", "Target@Example.org")).statusCode).toBe(401);
    expect((await attempt(b, "192.0.2.10", "target@example.org")).statusCode).toBe(401);
    expect((await attempt(a, "192.0.2.10", "TARGET@example.org")).statusCode).toBe(429);
  });

  it("slows attempts on an address failed from many IPs, more at each failure, and never refuses its owner", async () => {
    a.delays.length = 0;
    b.delays.length = 0;
    for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? a : b, `192.0.2.${20 + i}`, "victim@example.org")).statusCode).toBe(401);
    expect((await attempt(a, "192.0.2.99", "victim@example.org", true)).statusCode).toBe(200);
    // AUTH_RATE_LIMIT is 2: the third attempt on the address waits 1 s, the fourth 2 s… the owner's, after five failures, 5 s.
    expect([...b.delays, ...a.delays].sort((x, y) => x - y)).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect(a.delays.at(-1)).toBe(5_000);
  });

  it("does not count successes: many valid attempts, even at once, leave neither the IP nor the pair blocked", async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? a : b, "192.0.2.40", `ok${i}@example.org`, true)));
    // Beyond the IP's limit, attempts in progress count: some of a burst may be asked to wait, but give it back.
    expect(burst.every((res) => res.statusCode === 200 || res.statusCode === 429)).toBe(true);
    for (let i = 0; i < 6; i++) expect((await attempt(i % 2 ? a : b, "192.0.2.40", "same@example.org", true)).statusCode).toBe(200);
    expect((await attempt(a, "192.0.2.40", "last@example.org", true)).statusCode).toBe(200);
  });

  it("clears the pair on success: the failures before a right password are forgotten", async () => {
    expect((await attempt(a, "192.0.2.50", "typo@example.org")).statusCode).toBe(401);
    expect((await attempt(b, "192.0.2.50", "typo@example.org", true)).statusCode).toBe(200);
    expect((await attempt(a, "192.0.2.50", "typo@example.org")).statusCode).toBe(401);
    expect((await attempt(b, "192.0.2.50", "typo@example.org")).statusCode).toBe(401);
    expect((await attempt(a, "192.0.2.50", "typo@example.org")).statusCode).toBe(429);
  });

  it("lets one mail per address through the cool-down, on every node, whatever the case", async () => {
    const email = `mail-${randomBytes(4).toString("hex")}@example.org`;
    expect(await mailCooldownPasses(a.ctx, bucket, email)).toBe(true);
    expect(await mailCooldownPasses(b.ctx, bucket, email.toUpperCase())).toBe(false);
    expect(await mailCooldownPasses(a.ctx, bucket, `other-${email}`)).toBe(true);
  });
});
