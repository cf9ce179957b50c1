import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { createSphereBodySchema, Page, Sphere, sphereDirectoryQuerySchema, SphereSummary, updateSphereBodySchema } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import { runInTransaction, type DbOrTx } from "../../platform/db/transaction.js";
import { conflict, forbidden, notFound, validationFailed } from "../../platform/http/app-error.js";
import { actorUserId, findAssociationAccess, getVisibleAssociation } from "../associations/associations.public.js";
import type { EventBatch } from "../../platform/events/event-batch.js";
import { decodeNameCursor } from "../../platform/db/name-search.js";
import { insertSphereMember } from "./sphere-members.repository.js";
import { assertSphereAbility, findSphereAccess, getVisibleSphere } from "./sphere-access.js";
import { sphereDirectoryScope } from "./spheres.policy.js";
import { presentSphere, presentSphereSummary } from "./spheres.presenter.js";
import {
  adjustMemberCounts,
  deleteSphereRow,
  hasPublicSphere,
  insertSphere,
  listDirectoryRows,
  lockSphere,
  updateSphereRow,
  type SphereRow,
} from "./spheres.repository.js";

type CreateSphereInput = z.output<typeof createSphereBodySchema>;

/**
 * The directory of an association's spheres, as the actor may see it (see listDirectoryRows for the query).
 * People outside the association, signed out or not, get its public spheres — and NOT_FOUND, exactly as for an
 * association that does not exist, when it has none: nobody learns that an association exists by guessing its id.
 */
export async function listSphereDirectory(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  query: z.output<typeof sphereDirectoryQuerySchema>,
): Promise<Page<SphereSummary>> {
  const isInstanceAdmin = actor.kind === "user" && actor.isInstanceAdmin;
  const mineOnly = query.mine === "true";
  const rows = await listDirectoryRows(ctx.db, {
    associationId,
    userId: actorUserId(actor),
    scopeOf: (associationRole) => sphereDirectoryScope({ isInstanceAdmin, associationRole }, mineOnly),
    parentScopeOf: (associationRole) => sphereDirectoryScope({ isInstanceAdmin, associationRole }, false),
    q: query.q,
    parentId: query.parentId,
    includeArchived: query.includeArchived === "true",
    after: decodeNameCursor(query.cursor),
    limit: query.limit,
  });
  // Rows are only ever those the actor may see, so a non-empty page proves access. An empty one must still tell
  // "nothing (more) to show" from "no such association for you" — two more queries, on empty pages only.
  if (rows.length === 0) {
    const association = await findAssociationAccess(ctx.db, actor, { id: associationId });
    if (!association) throw notFound("This association");
    if (!association.abilities["association.read"] && !(await hasPublicSphere(ctx.db, associationId))) throw notFound("This association");
  }
  const { items, nextCursor } = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  return { items: items.map(presentSphereSummary), nextCursor };
}

export async function getSphereForActor(ctx: AppContext, actor: Actor, associationId: string, sphereId: string): Promise<Sphere> {
  return presentSphere(await getVisibleSphere(ctx.db, actor, associationId, sphereId));
}

/**
 * A parent must be a sphere of the same association that the actor can see: an id from elsewhere, or of a secret
 * sphere they do not know, is "unknown" — never a hint that it exists.
 */
export async function assertParentSphere(db: DbOrTx, actor: Actor, associationId: string, parentId: string | undefined): Promise<void> {
  if (!parentId) return;
  const parent = await findSphereAccess(db, actor, associationId, parentId);
  if (!parent || !parent.abilities["sphere.read"]) {
    throw validationFailed("The parent sphere does not exist in this association.", [{ path: "parentId", message: "unknown sphere" }]);
  }
}

/** Inside the caller's transaction: the sphere, its first manager, the audit line and the event. */
export async function createSphereInTx(
  tx: DbOrTx,
  associationId: string,
  input: CreateSphereInput,
  managerId: string,
  actorId: string | null,
  events: EventBatch,
): Promise<SphereRow> {
  const sphere = await insertSphere(tx, {
    associationId,
    name: input.name,
    description: input.description,
    visibility: input.visibility,
    parentId: input.parentId ?? null,
    createdBy: managerId,
  });
  await insertSphereMember(tx, { associationId, sphereId: sphere.id, userId: managerId, role: "manager" });
  await adjustMemberCounts(tx, associationId, [sphere.id], 1);
  await insertAuditRecord(tx, {
    associationId,
    actorId,
    action: "sphere.created",
    targetType: "sphere",
    targetId: sphere.id,
    data: { name: sphere.name, visibility: sphere.visibility, parentId: sphere.parentId, managerId },
  });
  events.add("sphereMembership.changed", { associationId, sphereId: sphere.id, userId: managerId, role: "manager" });
  return sphere;
}

/** Direct creation, when the association's governance allows it for the actor; they become its manager. */
export async function createSphere(ctx: AppContext, actor: Actor, associationId: string, input: CreateSphereInput): Promise<Sphere> {
  const association = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  if (!association.abilities["sphere.create"]) {
    throw forbidden(
      association.abilities["sphere.requestCreation"]
        ? "In this association, new spheres are requested from the administrators."
        : "Only the administrators of this association create spheres.",
    );
  }
  await assertParentSphere(ctx.db, actor, associationId, input.parentId);
  const userId = actorUserId(actor)!;
  const sphere = await runInTransaction(ctx, (tx, events) => createSphereInTx(tx, associationId, input, userId, userId, events));
  return getSphereForActor(ctx, actor, associationId, sphere.id);
}

export async function updateSphere(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  changes: z.output<typeof updateSphereBodySchema>,
): Promise<Sphere> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  assertSphereAbility(access, "sphere.update", access.facts.archived ? "An archived sphere is read-only." : undefined);
  await runInTransaction(ctx, async (tx, events) => {
    await updateSphereRow(tx, associationId, sphereId, changes);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: "sphere.updated",
      targetType: "sphere",
      targetId: sphereId,
      data: changes,
    });
    events.add("sphere.updated", { associationId, sphereId });
  });
  return getSphereForActor(ctx, actor, associationId, sphereId);
}

/** Archiving makes a sphere read-only; only association admins bring it back. */
export async function setSphereArchived(ctx: AppContext, actor: Actor, associationId: string, sphereId: string, archived: boolean): Promise<Sphere> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  assertSphereAbility(access, "sphere.archive");
  if (access.facts.archived === archived) throw conflict(archived ? "This sphere is already archived." : "This sphere is not archived.");
  await runInTransaction(ctx, async (tx, events) => {
    await updateSphereRow(tx, associationId, sphereId, { archivedAt: archived ? sql`now()` : null });
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: archived ? "sphere.archived" : "sphere.unarchived",
      targetType: "sphere",
      targetId: sphereId,
      data: { name: access.sphere.name },
    });
    events.add("sphere.updated", { associationId, sphereId });
  });
  return getSphereForActor(ctx, actor, associationId, sphereId);
}

/** Deletion is for association admins, and asks them to type the sphere's name. */
export async function deleteSphere(ctx: AppContext, actor: Actor, associationId: string, sphereId: string, confirmName: string): Promise<void> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  assertSphereAbility(access, "sphere.delete", "Only the administrators of the association delete spheres.");
  if (confirmName.trim() !== access.sphere.name.trim()) {
    throw validationFailed("Type the sphere's exact name to confirm.", [{ path: "confirmName", message: "does not match" }]);
  }
  await runInTransaction(ctx, async (tx, events) => {
    await lockSphere(tx, associationId, sphereId);
    await deleteSphereRow(tx, associationId, sphereId);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: "sphere.deleted",
      targetType: "sphere",
      targetId: sphereId,
      data: { name: access.sphere.name, memberCount: access.sphere.memberCount },
    });
    events.add("sphere.updated", { associationId, sphereId });
  });
}
