import { z } from "zod";
import {
  createSphereCreationRequestBodySchema,
  creationRequestListQuerySchema,
  decideCreationRequestBodySchema,
  idSchema,
  sphereCreationRequestPageSchema,
  sphereCreationRequestSchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";
import { decideSphereCreationRequest, listSphereCreationRequests, requestSphereCreation } from "./sphere-creation-requests.service.js";

const associationParams = z.object({ associationId: idSchema });
const requestParams = associationParams.extend({ requestId: idSchema });
const tags = ["spheres"];
const base = "/associations/:associationId/sphere-requests";

/** Governance of sphere creation: members ask, administrators approve, refuse or point to an existing sphere. */
export function registerSphereCreationRequestRoutes(app: HttpServer, ctx: AppContext): void {
  app.post(
    base,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "requestSphereCreation",
        tags,
        security: sessionSecurity,
        params: associationParams,
        body: createSphereCreationRequestBodySchema,
        response: { 200: sphereCreationRequestSchema },
      },
    },
    async (request) => requestSphereCreation(ctx, request.actor, request.params.associationId, request.body),
  );

  app.get(
    base,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "listSphereCreationRequests",
        summary: "Sphere creation requests: all of them for administrators, one's own for members",
        tags,
        security: sessionSecurity,
        params: associationParams,
        querystring: creationRequestListQuerySchema,
        response: { 200: sphereCreationRequestPageSchema },
      },
    },
    async (request) => listSphereCreationRequests(ctx, request.actor, request.params.associationId, request.query),
  );

  app.post(
    `${base}/:requestId/decision`,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "decideSphereCreationRequest",
        tags,
        security: sessionSecurity,
        params: requestParams,
        body: decideCreationRequestBodySchema,
        response: { 200: sphereCreationRequestSchema },
      },
    },
    async (request) => decideSphereCreationRequest(ctx, request.actor, request.params.associationId, request.params.requestId, request.body),
  );
}
