import { createHash } from "node:crypto";
import { setTimeout as sleepFor } from "node:timers/promises";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../app-context.js";
import { AppError } from "./app-error.js";

/**
 * Route-level limits for what an attacker would repeat: sign-in, e-mail links, resets, invitations. Counters live in
 * the store of the context: memory on one node, Redis when REDIS_URL is set so every node shares them.
 *
 * They follow the OWASP authentication guidance, so that nobody can lock a person out of their account:
 * - **per IP** (`authRateLimit`, an `onRequest` hook) and **per (IP, address)** (`credentialRateLimit` and
 *   `mailRateLimit`, `preHandler` hooks: the body is parsed by then) attempts are refused with 429 beyond a limit.
 *   Those refusals only ever stop the IP that made the attempts.
 * - **per address**, never a refusal: failed passwords on an address (from any IP) slow further attempts on it with a
 *   growing, bounded delay (`signInDelayMs`), awaited on a timer, holding no thread nor database connection; mails
 *   (sign-in links, resets, invitation confirmations) are sent at most once per `MAIL_COOLDOWN_MS` per address
 *   (`mailCooldownPasses`), quietly: the answer is the same, and the mail sent just before is in the mailbox.
 * - an attempt is counted when it starts (so that a burst of parallel guesses is counted at once) and settled when it
 *   ends (`limitedAttempt`): a success gives its attempts back and clears its (IP, address) counter, a failure stays
 *   counted (and counts against the address), a refusal (429) gives its attempts back, so valid attempts never pile
 *   up into a block.
 *
 * We do not use @fastify/rate-limit's route config here: its store is fixed when the plugin is registered, and it
 * allows one key per route, while these routes need several keys, a settlement after the attempt and a shared store.
 */
export const AUTH_WINDOW_MS = 15 * 60_000;
/** Least time between two mails of one kind to one address. */
export const MAIL_COOLDOWN_MS = 30_000;
/** The delay after the first failures beyond the threshold, doubled at each further failure, up to the maximum. */
export const SIGN_IN_DELAY_BASE_MS = 1_000;
export const SIGN_IN_DELAY_MAX_MS = 5_000;

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
export type Sleep = (ms: number) => Promise<unknown>;

/**
 * How long an attempt on an address waits, given the failures counted on that address in the current window: none
 * below `threshold`, then 1 s, 2 s, 4 s… up to SIGN_IN_DELAY_MAX_MS. A slow-down, never a lock: the owner's right
 * password is still accepted, a few seconds later at worst.
 */
export function signInDelayMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  const doublings = Math.min(failures - threshold, 16);
  return Math.min(SIGN_IN_DELAY_MAX_MS, SIGN_IN_DELAY_BASE_MS * 2 ** doublings);
}

/** What one request counted, settled when it ends (see limitedAttempt). */
interface Attempt {
  counted: string[];
  /** Its (IP, address) counter: a success clears it. */
  pair?: string;
  /** Its address's failure counter: a failure increments it. */
  addressFailures?: string;
}

const attempts = new WeakMap<FastifyRequest, Attempt>();

function attemptOf(request: FastifyRequest): Attempt {
  let attempt = attempts.get(request);
  if (!attempt) {
    attempt = { counted: [] };
    attempts.set(request, attempt);
  }
  return attempt;
}

/** The address as a store key part: hashed (the store holds no e-mail address), whatever its case. */
function addressKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
}

async function count(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, key: string, max: number) {
  const { count, resetInMs } = await ctx.rateLimits.increment(key, AUTH_WINDOW_MS);
  attemptOf(request).counted.push(key);
  if (count > max) {
    // A refused attempt was not tried: it is given back (with the others this request counted), so that waiting for
    // the window to pass is always enough, and valid attempts refused in a burst leave nothing behind.
    await giveBack(ctx, request);
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
 * Per-IP limit: `max` attempts (by default AUTH_RATE_LIMIT) per 15 minutes for each bucket, failures and attempts
 * in progress. Use as a route's `onRequest`: `{ onRequest: authRateLimit(ctx, "invitation-token") }`.
 */
export function authRateLimit(ctx: AppContext, bucket = "auth", max?: number): Hook {
  return async (request, reply) => {
    await count(ctx, request, reply, `${bucket}:ip:${request.ip}`, max ?? ctx.config.authRateLimit);
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
    await count(ctx, request, reply, `${bucket}:${who}`, ctx.config.authRateLimit * factor);
  };
}

/** Counts the (IP, address) pair of a request; answers the address's key part, or null when there is no address. */
async function countPair(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, bucket: string, email: string | undefined) {
  if (!email) return null;
  const address = addressKey(email);
  const pair = `${bucket}:ip-email:${request.ip}:${address}`;
  await count(ctx, request, reply, pair, ctx.config.authRateLimit);
  attemptOf(request).pair = pair;
  return address;
}

/**
 * Password attempts on an address: AUTH_RATE_LIMIT per 15 minutes per (IP, address), then 429 for that IP only;
 * beyond AUTH_RATE_LIMIT failures on the address from any IP, every attempt on it waits `signInDelayMs` first.
 * Use as a route's `preHandler`, and settle the attempt with `limitedAttempt`. `sleep` is replaceable for tests.
 */
export function credentialRateLimit(
  ctx: AppContext,
  bucket: string,
  options: { pick?: (request: FastifyRequest) => string | undefined; sleep?: Sleep } = {},
): Hook {
  const pick = options.pick ?? emailOfBody;
  const sleep = options.sleep ?? sleepFor;
  return async (request, reply) => {
    const address = await countPair(ctx, request, reply, bucket, pick(request));
    if (address === null) return;
    const failures = `${bucket}:email-failures:${address}`;
    attemptOf(request).addressFailures = failures;
    const delay = signInDelayMs(await ctx.rateLimits.peek(failures), ctx.config.authRateLimit);
    // A timer: the request waits, but no thread, no database connection and no lock is held meanwhile.
    if (delay > 0) await sleep(delay);
  };
}

/**
 * Requests that send a mail to a typed address (sign-in link, reset, invitation confirmation): AUTH_RATE_LIMIT per
 * 15 minutes per (IP, address), then 429 for that IP only. The address itself is only ever throttled quietly, by
 * `mailCooldownPasses`. Use as a route's `preHandler`.
 */
export function mailRateLimit(ctx: AppContext, bucket: string, pick: (request: FastifyRequest) => string | undefined = emailOfBody): Hook {
  return async (request, reply) => {
    await countPair(ctx, request, reply, bucket, pick(request));
  };
}

/**
 * Whether a mail of this kind may go to this address now: one per MAIL_COOLDOWN_MS, whoever asks. The caller answers
 * the same either way and simply sends nothing. Nobody can keep the owner from receiving a link this way: a request
 * turned down follows a mail sent to that same mailbox less than MAIL_COOLDOWN_MS before, whose link works.
 */
export async function mailCooldownPasses(ctx: AppContext, bucket: string, email: string): Promise<boolean> {
  const { count } = await ctx.rateLimits.increment(`${bucket}:mail-cooldown:${addressKey(email)}`, MAIL_COOLDOWN_MS);
  // count 0: the store could not be reached; the mail goes (as attempts go through when the store is down).
  return count <= 1;
}

/** A success: gives back what the request counted and clears its (IP, address) counter. */
export async function attemptSucceeded(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const attempt = attempts.get(request);
  if (!attempt) return;
  attempts.delete(request);
  for (const key of attempt.counted) {
    if (key === attempt.pair) await ctx.rateLimits.reset(key);
    else await ctx.rateLimits.decrement(key);
  }
}

/** A failure: what the request counted stays counted, and the address's failures grow (they slow its next attempts). */
export async function attemptFailed(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const attempt = attempts.get(request);
  if (!attempt) return;
  attempts.delete(request);
  if (attempt.addressFailures) await ctx.rateLimits.increment(attempt.addressFailures, AUTH_WINDOW_MS);
}

/** Neither: the attempt did not happen (the server failed); what it counted is given back. */
async function giveBack(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const attempt = attempts.get(request);
  if (!attempt) return;
  attempts.delete(request);
  for (const key of attempt.counted) await ctx.rateLimits.decrement(key);
}

/**
 * Runs a limited attempt and settles its counters: a success gives them back, a person's mistake (a 4xx: wrong
 * password, unknown token, invalid input) stays counted, a server error is given back. `givesBack` tells which
 * successes give back: one that sent a mail stays counted, as every request that sends mail does.
 */
export async function limitedAttempt<T>(
  ctx: AppContext,
  request: FastifyRequest,
  run: () => Promise<T>,
  givesBack: (result: T) => boolean = () => true,
): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (err) {
    if (err instanceof AppError && err.status < 500) await attemptFailed(ctx, request);
    else await giveBack(ctx, request);
    throw err;
  }
  if (givesBack(result)) await attemptSucceeded(ctx, request);
  else attempts.delete(request);
  return result;
}

function emailOfBody(request: FastifyRequest): string | undefined {
  const body = request.body;
  if (body && typeof body === "object" && "email" in body && typeof body.email === "string") return body.email;
  return undefined;
}
