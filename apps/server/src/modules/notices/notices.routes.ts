import { z } from "zod";
import { idSchema, myRequestsSchema, pendingReviewsSchema } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";
import { getMyRequests, getPendingReviews } from "./notices.service.js";

const idParams = z.object({ associationId: idSchema });
const tags = ["notices"];

/** Reads of what waits for someone: pending reviews (badges) and their own requests with their decisions. */
export function registerNoticeRoutes(app: HttpServer, ctx: AppContext): void {
  app.get(
    "/associations/:associationId/pending-reviews",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "getPendingReviews",
        summary: "Requests waiting for the actor's review: join requests per sphere they review, sphere creation requests",
        tags,
        security: sessionSecurity,
        params: idParams,
        response: { 200: pendingReviewsSchema },
      },
    },
    async (request) => getPendingReviews(ctx, request.actor, request.params.associationId),
  );

  app.get(
    "/associations/:associationId/my-requests",
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "getMyRequests",
        summary: "The actor's own requests (join, sphere creation): pending, and decided in the last 30 days",
        tags,
        security: sessionSecurity,
        params: idParams,
        response: { 200: myRequestsSchema },
      },
    },
    async (request) => getMyRequests(ctx, request.actor, request.params.associationId),
  );
}
