import { setupBodySchema, setupResultSchema, setupStatusSchema } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { setSessionCookies } from "../../platform/http/request-actor.js";
import { isSetupRequired, openSession, presentMe } from "../accounts/accounts.public.js";
import { completeSetup } from "./setup.service.js";

const tags = ["setup"];

export function registerSetupRoutes(app: HttpServer, ctx: AppContext): void {
  app.get(
    "/setup",
    { schema: { operationId: "getSetupStatus", summary: "Whether the instance still needs its set-up", tags, response: { 200: setupStatusSchema } } },
    async () => ({ required: await isSetupRequired(ctx) }),
  );

  app.post(
    "/setup",
    {
      schema: {
        operationId: "completeSetup",
        summary: "Creates the instance administrator and the first association, and signs the administrator in",
        tags,
        body: setupBodySchema,
        response: { 200: setupResultSchema },
      },
    },
    async (request, reply) => {
      const { user, association } = await completeSetup(ctx, request.body);
      const session = await openSession(ctx, user.id, { userAgent: request.headers["user-agent"] ?? null, ip: request.ip });
      setSessionCookies(reply, { secure: ctx.config.cookieSecure }, session.token, session.csrfToken, ctx.config.sessionTtlDays * 86_400);
      return { user: presentMe(user), association: { id: association.id, name: association.name, slug: association.slug } };
    },
  );
}
