import { z } from "zod";
import {
  acceptInvitationBodySchema,
  acceptInvitationResultSchema,
  confirmInvitationBodySchema,
  confirmInvitationResultSchema,
  emailInvitationsBodySchema,
  emailInvitationsResultSchema,
  idSchema,
  invitationListQuerySchema,
  invitationPageSchema,
  invitationPreviewSchema,
  linkInvitationBodySchema,
  linkInvitationResultSchema,
  okSchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { accountRateLimit, authRateLimit, limitedAttempt, mailCooldownPasses, mailRateLimit } from "../../platform/http/rate-limits.js";
import { setSessionCookies } from "../../platform/http/request-actor.js";
import { closeSession, openSession } from "../accounts/accounts.public.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";
import { acceptInvitation, confirmInvitation, previewInvitation } from "./invitation-acceptance.service.js";
import { createEmailInvitations, createLinkInvitation, listInvitations, revokeInvitation } from "./invitations.service.js";

const associationParams = z.object({ associationId: idSchema });
const invitationParams = associationParams.extend({ invitationId: idSchema });
const tokenParams = z.object({ token: z.string().min(10).max(200) });
const tags = ["invitations"];
const base = "/associations/:associationId/invitations";

export function registerInvitationRoutes(app: HttpServer, ctx: AppContext): void {
  // Sending is limited per account (an admin inviting people one by one must not be stopped after ten, but an
  // account must not flood strangers' mailboxes); tokens per IP like sign-in (what succeeds is given back), accepting
  // also per (IP, typed address), and the mail it sends at most once per 30 seconds per invitation and address, quietly.
  const sendLimit = accountRateLimit(ctx, "invitation-send", 10);
  const tokenLimit = authRateLimit(ctx, "invitation-token");

  app.post(
    `${base}/emails`,
    {
      preHandler: sendLimit,
      preValidation: requireSignedIn,
      schema: {
        operationId: "createEmailInvitations",
        summary: "Invites one address or a pasted list (commas, semicolons, spaces, new lines)",
        tags,
        security: sessionSecurity,
        params: associationParams,
        body: emailInvitationsBodySchema,
        response: { 200: emailInvitationsResultSchema },
      },
    },
    async (request) => createEmailInvitations(ctx, request.actor, request.params.associationId, request.body),
  );

  app.post(
    `${base}/links`,
    {
      preHandler: sendLimit,
      preValidation: requireSignedIn,
      schema: {
        operationId: "createLinkInvitation",
        summary: "A shareable invitation link and its QR code, with an expiry and a use limit",
        tags,
        security: sessionSecurity,
        params: associationParams,
        body: linkInvitationBodySchema,
        response: { 200: linkInvitationResultSchema },
      },
    },
    async (request) => createLinkInvitation(ctx, request.actor, request.params.associationId, request.body),
  );

  app.get(
    base,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "listInvitations",
        tags,
        security: sessionSecurity,
        params: associationParams,
        querystring: invitationListQuerySchema,
        response: { 200: invitationPageSchema },
      },
    },
    async (request) => listInvitations(ctx, request.actor, request.params.associationId, request.query),
  );

  app.delete(
    `${base}/:invitationId`,
    {
      preValidation: requireSignedIn,
      schema: { operationId: "revokeInvitation", tags, security: sessionSecurity, params: invitationParams, response: { 200: okSchema } },
    },
    async (request) => {
      await revokeInvitation(ctx, request.actor, request.params.associationId, request.params.invitationId);
      return { ok: true as const };
    },
  );

  app.get(
    "/invitations/:token",
    {
      onRequest: tokenLimit,
      schema: {
        operationId: "previewInvitation",
        summary: "What an invitation offers, before accepting it (works signed out)",
        tags,
        params: tokenParams,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => limitedAttempt(ctx, request, () => previewInvitation(ctx, request.actor, request.params.token)),
  );

  app.post(
    "/invitations/:token/accept",
    {
      onRequest: tokenLimit,
      preHandler: mailRateLimit(ctx, "invitation-accept"),
      schema: {
        operationId: "acceptInvitation",
        summary:
          "Accepts an invitation: creates the account if needed (and signs it in), then the memberships. A link invitation accepted signed out answers `emailSent`: the typed address receives a link that completes it.",
        tags,
        params: tokenParams,
        body: acceptInvitationBodySchema,
        response: { 200: acceptInvitationResultSchema },
      },
    },
    async (request, reply) => {
      // Per invitation and address: requests for another invitation cannot keep this one's mail from its owner.
      const mayMail = (email: string, invitationId: string) => mailCooldownPasses(ctx, `invitation-accept:${invitationId}`, email);
      const accepted = await limitedAttempt(
        ctx,
        request,
        () => acceptInvitation(ctx, request.actor, request.params.token, request.body, mayMail),
        (result) => result.outcome === "joined",
      );
      if (accepted.outcome === "emailSent") return accepted;
      if (accepted.createdUser) {
        const session = await openSession(ctx, accepted.createdUser.id, { userAgent: request.headers["user-agent"] ?? null, ip: request.ip });
        setSessionCookies(reply, { secure: ctx.config.cookieSecure }, session.token, session.csrfToken, ctx.config.sessionTtlDays * 86_400);
      }
      return joined(accepted);
    },
  );

  app.post(
    "/invitations/confirm",
    {
      onRequest: tokenLimit,
      schema: {
        operationId: "confirmInvitation",
        summary: "Completes a link invitation accepted signed out, with the token of the link mailed to the typed address; signs in",
        tags,
        body: confirmInvitationBodySchema,
        response: { 200: confirmInvitationResultSchema },
      },
    },
    async (request, reply) => {
      const confirmed = await limitedAttempt(ctx, request, () => confirmInvitation(ctx, request.body.token));
      // A fresh session for the account the link opens; the one the browser had, if any, ends (as at any sign-in).
      if (request.actor.kind === "user" && request.actor.sessionId) await closeSession(ctx, request.actor.sessionId);
      const session = await openSession(ctx, confirmed.user.id, { userAgent: request.headers["user-agent"] ?? null, ip: request.ip });
      setSessionCookies(reply, { secure: ctx.config.cookieSecure }, session.token, session.csrfToken, ctx.config.sessionTtlDays * 86_400);
      return joined(confirmed);
    },
  );
}

const joined = (accepted: { associationId: string; associationSlug: string; sphereId: string | null }) => ({
  outcome: "joined" as const,
  associationId: accepted.associationId,
  associationSlug: accepted.associationSlug,
  sphereId: accepted.sphereId,
});
