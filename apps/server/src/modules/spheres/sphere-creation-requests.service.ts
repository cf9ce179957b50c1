import type { z } from "zod";
import type {
  createSphereCreationRequestBodySchema,
  creationRequestListQuerySchema,
  decideCreationRequestBodySchema,
  Page,
  SphereCreationRequest,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import { conflict, forbidden, notFound, validationFailed } from "../../platform/http/app-error.js";
import { actorUserId, findAssociationMembership, getAssociationWithAbility, getVisibleAssociation } from "../associations/associations.public.js";
import { runInTransaction } from "../../platform/db/transaction.js";
import { decodeTimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { decideCreationRequestRow, findCreationRequestRow, insertCreationRequest, listCreationRequestRows } from "./sphere-requests.repository.js";
import { presentCreationRequest } from "./spheres.presenter.js";
import { findSphere } from "./spheres.repository.js";
import { assertParentSphere, createSphereInTx } from "./spheres.service.js";

/** Where the association asks for it, members propose a sphere and the administrators decide. */
export async function requestSphereCreation(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  body: z.output<typeof createSphereCreationRequestBodySchema>,
): Promise<SphereCreationRequest> {
  const association = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  if (!association.abilities["sphere.requestCreation"]) {
    throw forbidden(
      association.abilities["sphere.create"]
        ? "You can create this sphere directly."
        : "Only the administrators of this association create spheres.",
    );
  }
  await assertParentSphere(ctx.db, actor, associationId, body.parentId);
  const requestedBy = actorUserId(actor)!;
  // One transaction: the reviewers' mail (modules/notices) is queued with the request, or not at all.
  const id = await runInTransaction(ctx, async (tx, events) => {
    const inserted = await insertCreationRequest(tx, {
      associationId,
      requestedBy,
      name: body.name,
      description: body.description,
      visibility: body.visibility,
      parentId: body.parentId ?? null,
      reason: body.reason,
    });
    events.add("sphereCreationRequest.created", { associationId, requestId: inserted, userId: requestedBy });
    return inserted;
  });
  return presentCreationRequest((await findCreationRequestRow(ctx.db, associationId, id))!);
}

/** Reviewers see every request; everyone else sees their own. */
export async function listSphereCreationRequests(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  query: z.output<typeof creationRequestListQuerySchema>,
): Promise<Page<SphereCreationRequest>> {
  const association = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const reviewer = association.abilities["sphereCreationRequest.review"];
  const rows = await listCreationRequestRows(ctx.db, associationId, {
    requestedBy: reviewer ? undefined : actorUserId(actor)!,
    status: query.status,
    after: decodeTimestampCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = toPage(rows, query.limit, (r) => [r.cursorTime, r.id]);
  return { items: items.map(presentCreationRequest), nextCursor };
}

/**
 * Approve (the sphere is created, the requester becomes its manager), refuse with a reason, or redirect to an
 * existing sphere — the remedy against redundant spheres.
 */
export async function decideSphereCreationRequest(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  requestId: string,
  body: z.output<typeof decideCreationRequestBodySchema>,
): Promise<SphereCreationRequest> {
  await getAssociationWithAbility(ctx.db, actor, associationId, "sphereCreationRequest.review");
  const actorId = actorUserId(actor)!;
  await runInTransaction(ctx, async (tx, events) => {
    const request = await findCreationRequestRow(tx, associationId, requestId, { lock: true });
    if (!request) throw notFound("This request");
    if (request.status !== "pending") throw conflict("This request has already been decided.");
    let createdSphereId: string | null = null;
    let existingSphereId: string | null = null;
    if (body.decision === "approve") {
      if (!(await findAssociationMembership(tx, associationId, request.requestedBy))) {
        throw conflict("The person who asked is no longer a member of the association.");
      }
      const sphere = await createSphereInTx(
        tx,
        associationId,
        { name: request.name, description: request.description, visibility: request.visibility, parentId: request.parentId ?? undefined },
        request.requestedBy,
        actorId,
        events,
      );
      createdSphereId = sphere.id;
    } else if (body.decision === "redirect") {
      if (!(await findSphere(tx, associationId, body.existingSphereId))) {
        throw validationFailed("This sphere does not exist in this association.", [{ path: "existingSphereId", message: "unknown sphere" }]);
      }
      existingSphereId = body.existingSphereId;
    }
    const status = body.decision === "approve" ? "approved" : body.decision === "refuse" ? "refused" : "redirected";
    const decisionReason = body.decision === "approve" ? null : (body.reason ?? null);
    await decideCreationRequestRow(tx, requestId, { status, decisionReason, existingSphereId, createdSphereId, decidedBy: actorId });
    await insertAuditRecord(tx, {
      associationId,
      actorId,
      action: `sphereCreationRequest.${status}`,
      targetType: "sphereCreationRequest",
      targetId: requestId,
      data: { name: request.name, requestedBy: request.requestedBy, decisionReason, existingSphereId, createdSphereId },
    });
    events.add("sphereCreationRequest.decided", {
      associationId,
      requestId,
      userId: request.requestedBy,
      status,
      sphereId: createdSphereId ?? existingSphereId,
    });
  });
  return presentCreationRequest((await findCreationRequestRow(ctx.db, associationId, requestId))!);
}
