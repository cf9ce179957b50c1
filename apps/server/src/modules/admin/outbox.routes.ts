import { z } from "zod";
import type { FastifyRequest } from "fastify";
import { idSchema, outboxMessageSchema, outboxPageSchema, pageQuerySchema } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { assertInstancePermission } from "./admin.policy.js";
import { getOutboxMessage, listOutbox } from "./outbox.service.js";

const tags = ["admin"];

// Before validation, so that the order is always 401 (signed out) → 403 (not an administrator) → 400.
const outboxReaders = async (request: FastifyRequest) => assertInstancePermission(request.actor, "outbox.read");

/** Instance administration: the outbox of e-mail messages. */
export function registerOutboxRoutes(app: HttpServer, ctx: AppContext): void {
  app.get(
    "/admin/outbox",
    {
      schema: { operationId: "listOutboxMessages", tags, querystring: pageQuerySchema, response: { 200: outboxPageSchema } },
      onRequest: outboxReaders,
    },
    async (request) => listOutbox(ctx, request.query),
  );

  app.get(
    "/admin/outbox/:messageId",
    {
      schema: {
        operationId: "getOutboxMessage",
        tags,
        params: z.object({ messageId: idSchema }),
        response: { 200: outboxMessageSchema },
      },
      onRequest: outboxReaders,
    },
    async (request) => getOutboxMessage(ctx, request.params.messageId),
  );
}
