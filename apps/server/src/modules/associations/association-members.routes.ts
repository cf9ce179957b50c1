import { z } from "zod";
import {
  associationMemberPageSchema,
  associationMemberQuerySchema,
  associationMemberSchema,
  changeAssociationRoleBodySchema,
  idSchema,
  okSchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { changeAssociationMemberRole, listAssociationMembers, removeAssociationMember } from "./association-members.service.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";

const idParams = z.object({ associationId: idSchema });
const memberParams = idParams.extend({ userId: idSchema });
const tags = ["associations"];

export function registerAssociationMemberRoutes(app: HttpServer, ctx: AppContext): void {
  app.get(
    "/associations/:associationId/members",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "listAssociationMembers",
        summary: "Members by name, searchable, filtered by role; e-mail addresses only for association admins",
        tags,
        security: sessionSecurity,
        params: idParams,
        querystring: associationMemberQuerySchema,
        response: { 200: associationMemberPageSchema },
      },
    },
    async (request) => listAssociationMembers(ctx, request.actor, request.params.associationId, request.query),
  );

  app.patch(
    "/associations/:associationId/members/:userId",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "changeAssociationMemberRole",
        tags,
        security: sessionSecurity,
        params: memberParams,
        body: changeAssociationRoleBodySchema,
        response: { 200: associationMemberSchema },
      },
    },
    async (request) => changeAssociationMemberRole(ctx, request.actor, request.params.associationId, request.params.userId, request.body.role),
  );

  app.delete(
    "/associations/:associationId/members/:userId",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "removeAssociationMember",
        summary: "Removes a member (or lets one leave) with all their sphere memberships",
        tags,
        security: sessionSecurity,
        params: memberParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await removeAssociationMember(ctx, request.actor, request.params.associationId, request.params.userId);
      return { ok: true as const };
    },
  );
}
