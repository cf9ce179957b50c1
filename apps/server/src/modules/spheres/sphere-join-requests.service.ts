import type { z } from "zod";
import type { decideJoinRequestBodySchema, joinRequestListQuerySchema, Page, SphereJoinRequest } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import { conflict, notFound } from "../../platform/http/app-error.js";
import { actorUserId } from "../associations/association-access.js";
import { findAssociationMembership } from "../associations/association-members.repository.js";
import { decodeTimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { addSphereMemberInTx } from "./sphere-members.service.js";
import {
  cancelJoinRequestRow,
  decideJoinRequestRow,
  findJoinRequestRow,
  insertJoinRequest,
  listJoinRequestRows,
} from "./sphere-requests.repository.js";
import { assertSphereAbility, getVisibleSphere } from "./sphere-access.js";
import { presentJoinRequest } from "./spheres.presenter.js";
import { changeSphere } from "./sphere-transaction.js";

/** A member asks to join a private sphere, with a message for its reviewers. */
export async function requestToJoinSphere(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  message: string,
): Promise<SphereJoinRequest> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  if (access.facts.sphereRole !== null) throw conflict("You are already a member of this sphere.");
  assertSphereAbility(
    access,
    "sphere.requestJoin",
    access.abilities["sphere.join"] ? "This sphere is open: join it directly." : "You cannot ask to join this sphere.",
  );
  // In the sphere's transaction: the reviewers' mail (modules/notices) is queued with the request, or not at all.
  const created = await changeSphere(ctx, associationId, sphereId, async (tx, events) => {
    const inserted = await insertJoinRequest(tx, { associationId, sphereId, userId: actorUserId(actor)!, message });
    if (!inserted) throw conflict("You have already asked to join this sphere; the request is waiting for a decision.");
    events.add("sphereJoinRequest.created", { associationId, sphereId, requestId: inserted.id });
    return inserted;
  });
  const row = await findJoinRequestRow(ctx.db, associationId, sphereId, created.id);
  return presentJoinRequest(row!);
}

export async function listSphereJoinRequests(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  query: z.output<typeof joinRequestListQuerySchema>,
): Promise<Page<SphereJoinRequest>> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  assertSphereAbility(access, "sphereJoinRequest.review");
  const rows = await listJoinRequestRows(ctx.db, associationId, sphereId, {
    status: query.status,
    after: decodeTimestampCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = toPage(rows, query.limit, (r) => [r.cursorTime, r.id]);
  return { items: items.map(presentJoinRequest), nextCursor };
}

/** Approving makes the requester a member; a request is decided once, by whoever comes first. */
export async function decideSphereJoinRequest(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  requestId: string,
  body: z.output<typeof decideJoinRequestBodySchema>,
): Promise<SphereJoinRequest> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  assertSphereAbility(access, "sphereJoinRequest.review");
  const status = body.decision === "approve" ? "approved" : "refused";
  await changeSphere(ctx, associationId, sphereId, async (tx, events) => {
    const request = await findJoinRequestRow(tx, associationId, sphereId, requestId);
    if (!request) throw notFound("This request");
    if (request.status !== "pending") throw conflict("This request has already been decided.");
    if (status === "approved" && !(await findAssociationMembership(tx, associationId, request.userId))) {
      throw conflict("This person is no longer a member of the association.");
    }
    // Decided before the member is added: adding them cancels whatever request of theirs is still pending.
    await decideJoinRequestRow(tx, requestId, { status, reason: body.reason ?? null, decidedBy: actorUserId(actor)! });
    if (status === "approved") await addSphereMemberInTx(tx, { associationId, sphereId }, request.userId, "member", events);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: status === "approved" ? "sphereJoinRequest.approved" : "sphereJoinRequest.refused",
      targetType: "sphereJoinRequest",
      targetId: requestId,
      data: { sphereId, userId: request.userId, reason: body.reason ?? null },
    });
    events.add("sphereJoinRequest.decided", { associationId, sphereId, requestId, userId: request.userId, status });
  });
  const row = await findJoinRequestRow(ctx.db, associationId, sphereId, requestId);
  return presentJoinRequest(row!);
}

/**
 * The requester withdraws their own pending request. Anybody else's request — whoever asks, reviewers included —
 * is "not found": only its author may know it as theirs to cancel. Works in an archived sphere too (withdrawing
 * changes nothing there) and whatever the sphere's visibility has become since.
 */
export async function cancelSphereJoinRequest(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  requestId: string,
): Promise<SphereJoinRequest> {
  const userId = actorUserId(actor)!;
  // The sphere's lock orders this after (or before) a decision in progress: never both.
  await changeSphere(ctx, associationId, sphereId, async (tx, events, sphere) => {
    if (!sphere) throw notFound("This request");
    const request = await findJoinRequestRow(tx, associationId, sphereId, requestId);
    if (!request || request.userId !== userId) throw notFound("This request");
    if (request.status !== "pending" || !(await cancelJoinRequestRow(tx, associationId, requestId))) {
      throw conflict(request.status === "cancelled" ? "This request was already withdrawn." : "This request has already been decided.");
    }
    events.add("sphereJoinRequest.cancelled", { associationId, sphereId, requestId, userId });
  });
  const row = await findJoinRequestRow(ctx.db, associationId, sphereId, requestId);
  return presentJoinRequest(row!);
}
