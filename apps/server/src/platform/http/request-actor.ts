import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Actor, anonymous } from "../authz/actor.js";
import { AppError, unauthenticated } from "./app-error.js";

export const SESSION_COOKIE = "trame_session";
export const CSRF_COOKIE = "trame_csrf";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    /** The CSRF token bound to this visitor (their session's, or the pre-session cookie's). */
    csrfToken: string | null;
  }
}

export interface ResolvedRequestSession {
  actor: Extract<Actor, { kind: "user" }>;
  csrfToken: string;
}

/**
 * Resolves the session cookie into an actor on every /api request, then checks CSRF on state-changing ones
 * (double submit: the X-CSRF-Token header must equal the CSRF cookie, and the session's own token when signed in).
 * The resolver is injected by the composition root: the platform does not know the accounts module.
 */
export function registerRequestActor(
  app: FastifyInstance,
  resolve: (token: string) => Promise<ResolvedRequestSession | null>,
  cookies: CookieSettings & { sessionMaxAgeSeconds: number },
): void {
  app.decorateRequest("actor", null as never);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (request, reply) => {
    request.actor = anonymous;
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    let sessionCsrf: string | null = null;
    if (token) {
      const resolved = await resolve(token);
      if (resolved) {
        request.actor = resolved.actor;
        sessionCsrf = resolved.csrfToken;
        // The session slides in the database; the web app reads /session on every load, so the cookie slides
        // with it there (and only there: no Set-Cookie on every API response).
        if (request.method === "GET" && request.url.split("?")[0] === "/api/v1/session") {
          setSessionCookies(reply, cookies, token, resolved.csrfToken, cookies.sessionMaxAgeSeconds);
        }
      } else {
        clearSessionCookie(reply);
      }
    }
    request.csrfToken = sessionCsrf ?? request.cookies[CSRF_COOKIE] ?? null;
    if (isStateChanging(request) && !request.url.startsWith("/api/v1/realtime")) {
      const header = request.headers[CSRF_HEADER];
      const cookie = request.cookies[CSRF_COOKIE];
      const ok =
        typeof header === "string" &&
        header.length > 0 &&
        header === cookie &&
        (sessionCsrf === null || header === sessionCsrf);
      if (!ok) {
        throw new AppError("CSRF_FAILED", "This form has expired. Reload the page and try again.");
      }
    }
  });
}

function isStateChanging(request: FastifyRequest): boolean {
  return request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS";
}

export function requireUser(request: FastifyRequest): Extract<Actor, { kind: "user" }> {
  if (request.actor.kind !== "user") throw unauthenticated();
  return request.actor;
}

export interface CookieSettings {
  secure: boolean;
}

export function setSessionCookies(reply: FastifyReply, settings: CookieSettings, token: string, csrfToken: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: settings.secure,
    maxAge: maxAgeSeconds,
  });
  setCsrfCookie(reply, settings, csrfToken);
}

/** Readable by the web app's script on purpose: it echoes it in the X-CSRF-Token header. */
export function setCsrfCookie(reply: FastifyReply, settings: CookieSettings, csrfToken: string): void {
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: "/", httpOnly: false, sameSite: "strict", secure: settings.secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
