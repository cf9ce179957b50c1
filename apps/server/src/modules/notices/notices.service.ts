import { MY_REQUESTS_DAYS, PENDING_SPHERES_LISTED, type MyRequest, type PendingReviews } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { actorUserId, getVisibleAssociation } from "../associations/associations.public.js";
import { joinReviewingSphereRoles, pendingReviewScope } from "./notices.policy.js";
import { countPendingReviews, listMyRequestRows } from "./notices.repository.js";

const MY_REQUESTS_LISTED = 20;

/** What waits for the actor's review in this association (badges; later the notifications centre). */
export async function getPendingReviews(ctx: AppContext, actor: Actor, associationId: string): Promise<PendingReviews> {
  const association = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const scope = pendingReviewScope(association.facts);
  const counts = await countPendingReviews(ctx.db, associationId, {
    userId: actorUserId(actor),
    allSpheres: scope.allSpheres,
    creationRequests: scope.creationRequests,
    sphereRoles: joinReviewingSphereRoles,
    listed: PENDING_SPHERES_LISTED,
  });
  return { joinRequests: { total: counts.joinTotal, spheres: counts.spheres }, creationRequests: counts.creationTotal };
}

/** The actor's own requests: pending ones, and the decisions of the last days, so that a decision is seen. */
export async function getMyRequests(ctx: AppContext, actor: Actor, associationId: string): Promise<{ items: MyRequest[] }> {
  await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const userId = actorUserId(actor);
  if (!userId) return { items: [] };
  const rows = await listMyRequestRows(ctx.db, associationId, userId, MY_REQUESTS_DAYS, MY_REQUESTS_LISTED);
  return {
    items: rows.map((r): MyRequest =>
      r.kind === "join"
        ? {
            kind: "join",
            id: r.id,
            sphereId: r.sphereId!,
            sphereName: r.sphereName,
            status: r.status as "pending" | "approved" | "refused",
            decisionReason: r.decisionReason,
            createdAt: r.createdAt,
            decidedAt: r.decidedAt,
          }
        : {
            kind: "creation",
            id: r.id,
            sphereName: r.sphereName,
            sphereId: r.sphereId,
            status: r.status as "pending" | "approved" | "refused" | "redirected",
            decisionReason: r.decisionReason,
            createdAt: r.createdAt,
            decidedAt: r.decidedAt,
          },
    ),
  };
}
