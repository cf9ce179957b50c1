import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../app-context.js";
import { AppError } from "./app-error.js";

/**
 * Route-level rate limits for what an attacker would repeat: sign-in, e-mail links, resets, invitations.
 * Counted per IP (an `onRequest` hook) and per e-mail address (a `preHandler` hook: the body is parsed by then),
 * in the store of the context: memory on one node, Redis when REDIS_URL is set so every node shares the counters.
 *
 * We do not use @fastify/rate-limit's route config here: its store is fixed when the plugin is registered, and it
 * allows one key per route, while these routes need two (IP and address) and a shared store.
 */
export const AUTH_WINDOW_MS = 15 * 60_000;

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** The keys each request counted, so that a handler can give the attempts back (see refundRateLimits). */
const hitsOf = new WeakMap<FastifyRequest, string[]>();

async function hit(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, key: string, max: number, windowMs: number) {
  const { count, resetInMs } = await ctx.rateLimits.increment(key, windowMs);
  const hits = hitsOf.get(request) ?? [];
  hits.push(key);
  hitsOf.set(request, hits);
  if (count > max) {
    const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
    reply.header("retry-after", String(seconds));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      "RATE_LIMITED",
      `Too many attempts. Please wait ${minutes} minute${minutes > 1 ? "s" : ""} and try again.`,
    );
  }
}

/**
 * Per-IP limit of the authentication family (AUTH_RATE_LIMIT attempts per 15 minutes for each bucket).
 * Use as a route's `onRequest`: `{ onRequest: authRateLimit(ctx, "invitation-accept") }`.
 */
export function authRateLimit(ctx: AppContext, bucket = "auth"): Hook {
  return async (request, reply) => {
    await hit(ctx, request, reply, `${bucket}:ip:${request.ip}`, ctx.config.authRateLimit, AUTH_WINDOW_MS);
  };
}

/**
 * Per-account limit for actions a signed-in person repeats legitimately but that must not be abused (sending
 * invitations mails strangers): `factor` × AUTH_RATE_LIMIT per 15 minutes for each account, per IP when signed out.
 * Use as a `preHandler` (after the session is resolved).
 */
export function accountRateLimit(ctx: AppContext, bucket: string, factor: number): Hook {
  return async (request, reply) => {
    const who = request.actor?.kind === "user" ? `user:${request.actor.userId}` : `ip:${request.ip}`;
    await hit(ctx, request, reply, `${bucket}:${who}`, ctx.config.authRateLimit * factor, AUTH_WINDOW_MS);
  };
}

/**
 * Per-address limit (AUTH_RATE_LIMIT per 15 minutes): spreading attempts over many IPs does not help against one
 * account, nor does it flood one person's mailbox. Use as a route's `preHandler`; `pick` reads the address from the
 * validated request (by default `body.email`). The address is hashed: the store holds no e-mail address.
 */
export function emailRateLimit(
  ctx: AppContext,
  bucket: string,
  pick: (request: FastifyRequest) => string | undefined = emailOfBody,
): Hook {
  return async (request, reply) => {
    const email = pick(request);
    if (!email) return;
    const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
    await hit(ctx, request, reply, `${bucket}:email:${digest}`, ctx.config.authRateLimit, AUTH_WINDOW_MS);
  };
}

/** Gives back what this request counted: a successful sign-in is not an attempt to hold against the address. */
export async function refundRateLimits(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const hits = hitsOf.get(request);
  if (!hits) return;
  hitsOf.delete(request);
  for (const key of hits) await ctx.rateLimits.decrement(key);
}

function emailOfBody(request: FastifyRequest): string | undefined {
  const body = request.body;
  if (body && typeof body === "object" && "email" in body && typeof body.email === "string") return body.email;
  return undefined;
}
