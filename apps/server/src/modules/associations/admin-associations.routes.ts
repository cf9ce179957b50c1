import type { FastifyRequest } from "fastify";
import { adminAssociationPageSchema, adminAssociationSchema, createAssociationBodySchema, searchPageQuerySchema } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import { forbidden } from "../../platform/http/app-error.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireUser } from "../../platform/http/request-actor.js";
import { createAssociation, listAllAssociations } from "./associations.service.js";
import { sessionSecurity } from "../../platform/http/route-guards.js";

/** 401 for the signed-out, 403 for members: the instance's administration is no secret, only closed. */
async function requireInstanceAdmin(request: FastifyRequest): Promise<void> {
  if (!requireUser(request).isInstanceAdmin) throw forbidden("This is for the administrators of the instance.");
}

const tags = ["admin"];

export function registerAdminAssociationRoutes(app: HttpServer, ctx: AppContext): void {
  app.get(
    "/admin/associations",
    {
      preValidation: requireInstanceAdmin,
      schema: {
        operationId: "listAllAssociations",
        summary: "Every association of the instance, by name, with member counts (instance admins)",
        tags,
        security: sessionSecurity,
        querystring: searchPageQuerySchema,
        response: { 200: adminAssociationPageSchema },
      },
    },
    async (request) => listAllAssociations(ctx, request.query),
  );

  app.post(
    "/admin/associations",
    {
      preValidation: requireInstanceAdmin,
      schema: {
        operationId: "createAssociation",
        summary: "Creates an association; its owner gets an account (signing in by e-mail link) if the address is new",
        tags,
        security: sessionSecurity,
        body: createAssociationBodySchema,
        response: { 200: adminAssociationSchema },
      },
    },
    async (request) => {
      const created = await createAssociation(ctx, request.body, requireUser(request).userId);
      return {
        id: created.id,
        name: created.name,
        slug: created.slug,
        parentId: created.parentId,
        createdAt: created.createdAt,
        memberCount: 1,
      };
    },
  );
}
