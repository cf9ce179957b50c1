import { z } from "zod";
import type { FastifyRequest } from "fastify";
import {
  changePasswordBodySchema,
  meSchema,
  okSchema,
  pageQuerySchema,
  signOutOthersResultSchema,
  updateProfileBodySchema,
  userSessionPageSchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { authRateLimit, limitedAttempt } from "../../platform/http/rate-limits.js";
import { requireUser } from "../../platform/http/request-actor.js";
import { changePassword, updateProfile } from "./accounts.service.js";
import { presentMe } from "./accounts.presenter.js";
import { closeMySession, closeOtherSessions, listMySessions } from "./sessions.service.js";

const tags = ["accounts"];
const sessionParamsSchema = z.object({ sessionId: z.string().min(1).max(100) });

/** Before validation: a signed-out visitor learns they must sign in, not what their request lacked. */
const signedInOnly = async (request: FastifyRequest) => {
  requireUser(request);
};

/** One's own account: profile, password, sessions. (My associations: the associations module.) */
export function registerMeRoutes(app: HttpServer, ctx: AppContext): void {
  app.patch(
    "/me",
    {
      schema: { operationId: "updateMe", tags, body: updateProfileBodySchema, response: { 200: meSchema } },
      onRequest: signedInOnly,
    },
    async (request) => {
      const actor = requireUser(request);
      return presentMe(await updateProfile(ctx, actor.userId, request.body));
    },
  );

  app.post(
    "/me/password",
    {
      schema: { operationId: "changeMyPassword", tags, body: changePasswordBodySchema, response: { 200: okSchema } },
      // Guessing the current password from a borrowed session is slowed like any sign-in.
      onRequest: [signedInOnly, authRateLimit(ctx, "password-change")],
    },
    async (request) => {
      await limitedAttempt(ctx, request, () => changePassword(ctx, requireUser(request), request.body));
      return { ok: true as const };
    },
  );

  app.get(
    "/me/sessions",
    {
      schema: { operationId: "listMySessions", tags, querystring: pageQuerySchema, response: { 200: userSessionPageSchema } },
      onRequest: signedInOnly,
    },
    async (request) => listMySessions(ctx, requireUser(request), request.query),
  );

  app.delete(
    "/me/sessions/:sessionId",
    {
      schema: { operationId: "deleteMySession", tags, params: sessionParamsSchema, response: { 200: okSchema } },
      onRequest: signedInOnly,
    },
    async (request) => {
      await closeMySession(ctx, requireUser(request), request.params.sessionId);
      return { ok: true as const };
    },
  );

  app.post(
    "/me/sessions/sign-out-others",
    {
      schema: { operationId: "signOutMyOtherSessions", tags, response: { 200: signOutOthersResultSchema } },
      onRequest: signedInOnly,
    },
    async (request) => ({ signedOut: await closeOtherSessions(ctx, requireUser(request)) }),
  );
}
