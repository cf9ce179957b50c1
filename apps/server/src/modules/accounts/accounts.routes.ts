import type { FastifyReply, FastifyRequest } from "fastify";
import {
  magicLinkRequestBodySchema,
  meSchema,
  okSchema,
  passwordResetCompleteBodySchema,
  passwordResetRequestBodySchema,
  sessionStateSchema,
  signInBodySchema,
  tokenBodySchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import {
  authRateLimit,
  credentialRateLimit,
  limitedAttempt,
  mailCooldownPasses,
  mailRateLimit,
} from "../../platform/http/rate-limits.js";
import { clearSessionCookie, CSRF_COOKIE, setCsrfCookie, setSessionCookies } from "../../platform/http/request-actor.js";
import {
  completePasswordReset,
  consumeMagicLink,
  getMe,
  isSetupRequired,
  requestMagicLink,
  requestPasswordReset,
  signInWithPassword,
  type ClientInfo,
  type SignedIn,
} from "./accounts.service.js";
import { presentMe } from "./accounts.presenter.js";
import { closeSession } from "./sessions.service.js";
import { generateToken } from "./session-tokens.js";
import { registerMeRoutes } from "./me.routes.js";

const tags = ["accounts"];

/** The session state, sign-in (password, e-mail link), password reset, sign-out; then the /me routes. */
export function registerAccountsRoutes(app: HttpServer, ctx: AppContext): void {
  const cookieSettings = { secure: ctx.config.cookieSecure };
  const clientOf = (request: FastifyRequest): ClientInfo => ({ userAgent: request.headers["user-agent"] ?? null, ip: request.ip });
  const currentSessionOf = (request: FastifyRequest) => (request.actor.kind === "user" ? request.actor.sessionId : null);
  const signedIn = (reply: FastifyReply, result: SignedIn) => {
    setSessionCookies(reply, cookieSettings, result.token, result.csrfToken, ctx.config.sessionTtlDays * 86_400);
    return presentMe(result.user);
  };

  app.get(
    "/session",
    { schema: { operationId: "getSession", tags, response: { 200: sessionStateSchema } } },
    async (request, reply) => {
      // The web app's first call: it always leaves with a CSRF token, and the cookie that must match it.
      let csrfToken = request.csrfToken;
      if (!csrfToken || !/^[A-Za-z0-9_-]{16,100}$/.test(csrfToken)) csrfToken = generateToken();
      if (request.cookies[CSRF_COOKIE] !== csrfToken) setCsrfCookie(reply, cookieSettings, csrfToken);
      const user = await getMe(ctx, request.actor);
      return { user: user ? presentMe(user) : null, csrfToken, setupRequired: await isSetupRequired(ctx) };
    },
  );

  app.post(
    "/auth/sign-in",
    {
      schema: { operationId: "signIn", tags, body: signInBodySchema, response: { 200: meSchema } },
      // Per IP and per (IP, address); failures on the address slow its next attempts, from any IP, but never lock it.
      onRequest: authRateLimit(ctx, "sign-in", ctx.config.authIpRateLimit),
      preHandler: credentialRateLimit(ctx, "sign-in"),
    },
    async (request, reply) => {
      // Only failures stay counted: people signing in behind one shared address must not lock each other out.
      const result = await limitedAttempt(ctx, request, () =>
        signInWithPassword(ctx, request.body, clientOf(request), currentSessionOf(request)),
      );
      return signedIn(reply, result);
    },
  );

  app.post(
    "/auth/magic-link",
    {
      schema: { operationId: "requestMagicLink", tags, body: magicLinkRequestBodySchema, response: { 200: okSchema } },
      onRequest: authRateLimit(ctx, "magic-link", ctx.config.authIpRateLimit),
      preHandler: mailRateLimit(ctx, "magic-link"),
    },
    async (request) => {
      // At most one link per address every 30 seconds, quietly: the link sent just before is in the mailbox.
      if (await mailCooldownPasses(ctx, "magic-link", request.body.email)) await requestMagicLink(ctx, request.body.email);
      // The same answer whether or not the address has an account, and whether or not a mail left.
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/magic-link/consume",
    {
      schema: { operationId: "consumeMagicLink", tags, body: tokenBodySchema, response: { 200: meSchema } },
      onRequest: authRateLimit(ctx, "token"),
    },
    async (request, reply) => {
      const result = await limitedAttempt(ctx, request, () =>
        consumeMagicLink(ctx, request.body.token, clientOf(request), currentSessionOf(request)),
      );
      return signedIn(reply, result);
    },
  );

  app.post(
    "/auth/password-reset/request",
    {
      schema: { operationId: "requestPasswordReset", tags, body: passwordResetRequestBodySchema, response: { 200: okSchema } },
      onRequest: authRateLimit(ctx, "password-reset", ctx.config.authIpRateLimit),
      preHandler: mailRateLimit(ctx, "password-reset"),
    },
    async (request) => {
      if (await mailCooldownPasses(ctx, "password-reset", request.body.email)) await requestPasswordReset(ctx, request.body.email);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/password-reset/complete",
    {
      schema: { operationId: "completePasswordReset", tags, body: passwordResetCompleteBodySchema, response: { 200: meSchema } },
      onRequest: authRateLimit(ctx, "token"),
    },
    async (request, reply) => {
      const result = await limitedAttempt(ctx, request, () =>
        completePasswordReset(ctx, request.body, clientOf(request), currentSessionOf(request)),
      );
      return signedIn(reply, result);
    },
  );

  app.post(
    "/auth/sign-out",
    { schema: { operationId: "signOut", tags, response: { 200: okSchema } } },
    async (request, reply) => {
      const sessionId = currentSessionOf(request);
      if (sessionId) await closeSession(ctx, sessionId);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  registerMeRoutes(app, ctx);
}
