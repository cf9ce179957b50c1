import { z } from "zod";
import {
  addSphereMemberBodySchema,
  changeSphereRoleBodySchema,
  decideJoinRequestBodySchema,
  idSchema,
  joinRequestBodySchema,
  joinRequestListQuerySchema,
  okSchema,
  searchPageQuerySchema,
  sphereJoinRequestPageSchema,
  sphereJoinRequestSchema,
  sphereMemberPageSchema,
  sphereSchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";
import {
  cancelSphereJoinRequest,
  decideSphereJoinRequest,
  listSphereJoinRequests,
  requestToJoinSphere,
} from "./sphere-join-requests.service.js";
import { addSphereMember, changeSphereMemberRole, joinSphere, leaveSphere, listSphereMembers, removeSphereMember } from "./sphere-members.service.js";

const sphereParams = z.object({ associationId: idSchema, sphereId: idSchema });
const memberParams = sphereParams.extend({ userId: idSchema });
const requestParams = sphereParams.extend({ requestId: idSchema });
const tags = ["spheres"];
const base = "/associations/:associationId/spheres/:sphereId";
const ok = { ok: true as const };

/** Membership of a sphere: join, request, leave, and its members and roles. */
export function registerSphereMemberRoutes(app: HttpServer, ctx: AppContext): void {
  const guarded = { preValidation: requireSignedIn };

  app.post(
    `${base}/join`,
    { ...guarded, schema: { operationId: "joinSphere", tags, security: sessionSecurity, params: sphereParams, response: { 200: sphereSchema } } },
    async (request) => joinSphere(ctx, request.actor, request.params.associationId, request.params.sphereId),
  );

  app.post(
    `${base}/leave`,
    { ...guarded, schema: { operationId: "leaveSphere", tags, security: sessionSecurity, params: sphereParams, response: { 200: okSchema } } },
    async (request) => {
      await leaveSphere(ctx, request.actor, request.params.associationId, request.params.sphereId);
      return ok;
    },
  );

  app.post(
    `${base}/join-requests`,
    {
      ...guarded,
      schema: {
        operationId: "requestToJoinSphere",
        tags,
        security: sessionSecurity,
        params: sphereParams,
        body: joinRequestBodySchema,
        response: { 200: sphereJoinRequestSchema },
      },
    },
    async (request) => requestToJoinSphere(ctx, request.actor, request.params.associationId, request.params.sphereId, request.body.message),
  );

  app.get(
    `${base}/join-requests`,
    {
      ...guarded,
      schema: {
        operationId: "listSphereJoinRequests",
        tags,
        security: sessionSecurity,
        params: sphereParams,
        querystring: joinRequestListQuerySchema,
        response: { 200: sphereJoinRequestPageSchema },
      },
    },
    async (request) => listSphereJoinRequests(ctx, request.actor, request.params.associationId, request.params.sphereId, request.query),
  );

  app.post(
    `${base}/join-requests/:requestId/decision`,
    {
      ...guarded,
      schema: {
        operationId: "decideSphereJoinRequest",
        tags,
        security: sessionSecurity,
        params: requestParams,
        body: decideJoinRequestBodySchema,
        response: { 200: sphereJoinRequestSchema },
      },
    },
    async (request) =>
      decideSphereJoinRequest(ctx, request.actor, request.params.associationId, request.params.sphereId, request.params.requestId, request.body),
  );

  app.post(
    `${base}/join-requests/:requestId/cancel`,
    {
      ...guarded,
      schema: {
        operationId: "cancelSphereJoinRequest",
        summary: "Withdraws one's own pending request to join (anybody else's request: NOT_FOUND)",
        tags,
        security: sessionSecurity,
        params: requestParams,
        response: { 200: sphereJoinRequestSchema },
      },
    },
    async (request) =>
      cancelSphereJoinRequest(ctx, request.actor, request.params.associationId, request.params.sphereId, request.params.requestId),
  );

  app.get(
    `${base}/members`,
    {
      ...guarded,
      schema: {
        operationId: "listSphereMembers",
        tags,
        security: sessionSecurity,
        params: sphereParams,
        querystring: searchPageQuerySchema,
        response: { 200: sphereMemberPageSchema },
      },
    },
    async (request) => listSphereMembers(ctx, request.actor, request.params.associationId, request.params.sphereId, request.query),
  );

  app.post(
    `${base}/members`,
    {
      ...guarded,
      schema: {
        operationId: "addSphereMember",
        summary: "Adds a member of the association to the sphere directly (managers)",
        tags,
        security: sessionSecurity,
        params: sphereParams,
        body: addSphereMemberBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { associationId, sphereId } = request.params;
      await addSphereMember(ctx, request.actor, associationId, sphereId, request.body.userId, request.body.role);
      return ok;
    },
  );

  app.patch(
    `${base}/members/:userId`,
    {
      ...guarded,
      schema: {
        operationId: "changeSphereMemberRole",
        tags,
        security: sessionSecurity,
        params: memberParams,
        body: changeSphereRoleBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { associationId, sphereId, userId } = request.params;
      await changeSphereMemberRole(ctx, request.actor, associationId, sphereId, userId, request.body.role);
      return ok;
    },
  );

  app.delete(
    `${base}/members/:userId`,
    { ...guarded, schema: { operationId: "removeSphereMember", tags, security: sessionSecurity, params: memberParams, response: { 200: okSchema } } },
    async (request) => {
      const { associationId, sphereId, userId } = request.params;
      await removeSphereMember(ctx, request.actor, associationId, sphereId, userId);
      return ok;
    },
  );
}
