import { z } from "zod";
import {
  associationBrandingSchema,
  associationSchema,
  auditFilterSchema,
  auditPageSchema,
  auditQuerySchema,
  charterSchema,
  idSchema,
  myAssociationPageSchema,
  pageQuerySchema,
  publishCharterBodySchema,
  updateAssociationBodySchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireUser } from "../../platform/http/request-actor.js";
import {
  getAssociationForActor,
  getBrandingBySlug,
  getCurrentCharter,
  listMyAssociations,
  publishCharter,
  updateAssociationSettings,
} from "./associations.service.js";
import { registerAdminAssociationRoutes } from "./admin-associations.routes.js";
import { registerAssociationMemberRoutes } from "./association-members.routes.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";
import { exportAssociationAuditCsv, listAssociationAudit } from "./association-audit.service.js";

const idParams = z.object({ associationId: idSchema });
// Any string: a slug that cannot exist is simply not found, like one that does not.
const slugParams = z.object({ slug: z.string().min(1).max(100) });
const tags = ["associations"];

/** Every route of the associations module (instance administration of associations included). */
export function registerAssociationsModule(app: HttpServer, ctx: AppContext): void {
  registerAssociationRoutes(app, ctx);
  registerAssociationMemberRoutes(app, ctx);
  registerAdminAssociationRoutes(app, ctx);
}

function registerAssociationRoutes(app: HttpServer, ctx: AppContext): void {
  app.get(
    "/me/associations",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "listMyAssociations",
        tags,
        security: sessionSecurity,
        querystring: pageQuerySchema,
        response: { 200: myAssociationPageSchema },
      },
    },
    async (request) => listMyAssociations(ctx, requireUser(request).userId, request.query),
  );

  app.get(
    "/associations/by-slug/:slug",
    {
      preValidation: requireSignedIn,
      schema: { operationId: "getAssociationBySlug", tags, security: sessionSecurity, params: slugParams, response: { 200: associationSchema } },
    },
    async (request) => getAssociationForActor(ctx, request.actor, { slug: request.params.slug }),
  );

  app.get(
    "/associations/by-slug/:slug/branding",
    {
      schema: {
        operationId: "getAssociationBranding",
        summary: "Name, logo and colours; public when the association has a public sphere, otherwise for its members",
        tags,
        params: slugParams,
        response: { 200: associationBrandingSchema },
      },
    },
    async (request) => getBrandingBySlug(ctx, request.actor, request.params.slug),
  );

  app.get(
    "/associations/:associationId",
    {
      preValidation: requireSignedIn,
      schema: { operationId: "getAssociation", tags, security: sessionSecurity, params: idParams, response: { 200: associationSchema } },
    },
    async (request) => getAssociationForActor(ctx, request.actor, { id: request.params.associationId }),
  );

  app.patch(
    "/associations/:associationId",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "updateAssociation",
        summary: "Settings: name, language, time zone, colours, enabled modules, sphere creation policy",
        tags,
        security: sessionSecurity,
        params: idParams,
        body: updateAssociationBodySchema,
        response: { 200: associationSchema },
      },
    },
    async (request) => updateAssociationSettings(ctx, request.actor, request.params.associationId, request.body),
  );

  app.get(
    "/associations/:associationId/charter",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "getCharter",
        summary: "The current charter (NOT_FOUND while none was published; see Association.charterVersion)",
        tags,
        security: sessionSecurity,
        params: idParams,
        response: { 200: charterSchema },
      },
    },
    async (request) => getCurrentCharter(ctx, request.actor, request.params.associationId),
  );

  app.put(
    "/associations/:associationId/charter",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "publishCharter",
        summary: "Publishes a new version of the charter",
        tags,
        security: sessionSecurity,
        params: idParams,
        body: publishCharterBodySchema,
        response: { 200: charterSchema },
      },
    },
    async (request) => publishCharter(ctx, request.actor, request.params.associationId, request.body.body),
  );

  app.get(
    "/associations/:associationId/audit",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "listAssociationAudit",
        summary: "The audit log of administrative actions, newest first (association admins)",
        tags,
        security: sessionSecurity,
        params: idParams,
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => listAssociationAudit(ctx, request.actor, request.params.associationId, request.query),
  );

  app.get(
    "/associations/:associationId/audit.csv",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "exportAssociationAudit",
        summary: "The audit log as CSV (UTF-8 with BOM, `;` separated), with the same filters (association admins)",
        tags,
        security: sessionSecurity,
        params: idParams,
        querystring: auditFilterSchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const { stream, filename } = await exportAssociationAuditCsv(ctx, request.actor, request.params.associationId, request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .header("cache-control", "no-store")
        .send(stream);
    },
  );
}
