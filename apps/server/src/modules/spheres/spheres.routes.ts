import { z } from "zod";
import {
  createSphereBodySchema,
  deleteSphereBodySchema,
  idSchema,
  okSchema,
  sphereDirectoryQuerySchema,
  sphereSchema,
  sphereSummaryPageSchema,
  updateSphereBodySchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";
import { registerSphereCreationRequestRoutes } from "./sphere-creation-requests.routes.js";
import { registerSphereMemberRoutes } from "./sphere-members.routes.js";
import {
  createSphere,
  deleteSphere,
  getSphereForActor,
  listSphereDirectory,
  setSphereArchived,
  updateSphere,
} from "./spheres.service.js";

const associationParams = z.object({ associationId: idSchema });
const sphereParams = z.object({ associationId: idSchema, sphereId: idSchema });
const tags = ["spheres"];
const base = "/associations/:associationId/spheres";

/** Every route of the spheres module. */
export function registerSpheresModule(app: HttpServer, ctx: AppContext): void {
  registerSphereRoutes(app, ctx);
  registerSphereMemberRoutes(app, ctx);
  registerSphereCreationRequestRoutes(app, ctx);
}

function registerSphereRoutes(app: HttpServer, ctx: AppContext): void {
  // Open to people outside the association, signed out included: they get its public spheres only (NOT_FOUND
  // when it has none). Members get the directory their role allows.
  app.get(
    base,
    {
      schema: {
        operationId: "listSpheres",
        summary:
          "The sphere directory of an association (search, my spheres, sub-spheres), keyset-paginated; without an account or outside the association, its public spheres",
        tags,
        params: associationParams,
        querystring: sphereDirectoryQuerySchema,
        response: { 200: sphereSummaryPageSchema },
      },
    },
    async (request) => listSphereDirectory(ctx, request.actor, request.params.associationId, request.query),
  );

  app.post(
    base,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "createSphere",
        summary: "Creates a sphere (when the association's governance allows it); the creator becomes its manager",
        tags,
        security: sessionSecurity,
        params: associationParams,
        body: createSphereBodySchema,
        response: { 200: sphereSchema },
      },
    },
    async (request) => createSphere(ctx, request.actor, request.params.associationId, request.body),
  );

  app.get(
    `${base}/:sphereId`,
    {
      schema: {
        operationId: "getSphere",
        summary: "One sphere with the actor's abilities; public spheres are readable without an account",
        tags,
        params: sphereParams,
        response: { 200: sphereSchema },
      },
    },
    async (request) => getSphereForActor(ctx, request.actor, request.params.associationId, request.params.sphereId),
  );

  app.patch(
    `${base}/:sphereId`,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "updateSphere",
        tags,
        security: sessionSecurity,
        params: sphereParams,
        body: updateSphereBodySchema,
        response: { 200: sphereSchema },
      },
    },
    async (request) => updateSphere(ctx, request.actor, request.params.associationId, request.params.sphereId, request.body),
  );

  app.post(
    `${base}/:sphereId/archive`,
    {
      preValidation: requireSignedIn,
      schema: { operationId: "archiveSphere", tags, security: sessionSecurity, params: sphereParams, response: { 200: sphereSchema } },
    },
    async (request) => setSphereArchived(ctx, request.actor, request.params.associationId, request.params.sphereId, true),
  );

  app.post(
    `${base}/:sphereId/unarchive`,
    {
      preValidation: requireSignedIn,
      schema: { operationId: "unarchiveSphere", tags, security: sessionSecurity, params: sphereParams, response: { 200: sphereSchema } },
    },
    async (request) => setSphereArchived(ctx, request.actor, request.params.associationId, request.params.sphereId, false),
  );

  app.delete(
    `${base}/:sphereId`,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "deleteSphere",
        summary: "Deletes a sphere (association admins; the body repeats its name to confirm)",
        tags,
        security: sessionSecurity,
        params: sphereParams,
        body: deleteSphereBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await deleteSphere(ctx, request.actor, request.params.associationId, request.params.sphereId, request.body.confirmName);
      return { ok: true as const };
    },
  );
}
