import type { Page, SearchPageQuery, Sphere, SphereMember, SphereRole } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { AppError, conflict, forbidden, notFound } from "../../platform/http/app-error.js";
import { actorUserId, findAssociationMembership } from "../associations/associations.public.js";
import { changeSphere } from "./sphere-transaction.js";
import type { EventBatch } from "../../platform/events/event-batch.js";
import { decodeNameCursor } from "../../platform/db/name-search.js";
import { cancelPendingJoinRequests } from "./sphere-requests.repository.js";
import {
  countSphereManagers,
  deleteMembershipsOfUser,
  deleteSphereMember,
  findSphereMembership,
  insertSphereMember,
  listSphereMemberRows,
  listSpheresManagedOnlyBy,
  updateSphereMemberRole,
} from "./sphere-members.repository.js";
import { assertSphereAbility, getVisibleSphere, type SphereAccess } from "./sphere-access.js";
import { canAssignSphereRole, canRemoveSphereMember } from "./spheres.policy.js";
import { presentSphereMember } from "./spheres.presenter.js";
import { adjustMemberCounts, lockSpheresOfMember } from "./spheres.repository.js";
import { getSphereForActor } from "./spheres.service.js";

const lastManager = () =>
  new AppError("LAST_MANAGER", "A sphere always keeps at least one manager: appoint another manager first.");

/**
 * Adds a member inside the caller's transaction, which holds the sphere's lock. Returns false when they already
 * belonged to it (nothing changes then).
 */
export async function addSphereMemberInTx(
  tx: DbOrTx,
  where: { associationId: string; sphereId: string },
  userId: string,
  role: SphereRole,
  events: EventBatch,
): Promise<boolean> {
  if (!(await insertSphereMember(tx, { ...where, userId, role }))) return false;
  await adjustMemberCounts(tx, where.associationId, [where.sphereId], 1);
  await cancelPendingJoinRequests(tx, where.associationId, userId, where.sphereId);
  events.add("sphereMembership.changed", { ...where, userId, role });
  return true;
}

/** Removes a member, refusing to take away the sphere's last manager. The caller holds the sphere's lock (changeSphere). */
async function removeSphereMemberInTx(tx: DbOrTx, access: SphereAccess, userId: string, events: EventBatch): Promise<SphereRole> {
  const { associationId, id: sphereId } = access.sphere;
  const membership = await findSphereMembership(tx, sphereId, userId);
  if (!membership) throw notFound("This member");
  if (membership.role === "manager" && (await countSphereManagers(tx, sphereId)) <= 1) throw lastManager();
  await deleteSphereMember(tx, sphereId, userId);
  await adjustMemberCounts(tx, associationId, [sphereId], -1);
  events.add("sphereMembership.changed", { associationId, sphereId, userId, role: null });
  return membership.role;
}

/** Joining an open (or public) sphere; admins may join any sphere of their association. */
export async function joinSphere(ctx: AppContext, actor: Actor, associationId: string, sphereId: string): Promise<Sphere> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  if (access.facts.sphereRole !== null) throw conflict("You are already a member of this sphere.");
  assertSphereAbility(
    access,
    "sphere.join",
    access.abilities["sphere.requestJoin"] ? "This sphere is private: ask to join it." : "You cannot join this sphere.",
  );
  const userId = actorUserId(actor)!;
  await changeSphere(ctx, associationId, sphereId, async (tx, events) => {
    // Instance administrators may join as admins of every association; anyone else must still belong to this one.
    if (!access.association.facts.isInstanceAdmin && !(await findAssociationMembership(tx, associationId, userId))) {
      throw conflict("You are no longer a member of this association.");
    }
    await addSphereMemberInTx(tx, { associationId, sphereId }, userId, "member", events);
  });
  return getSphereForActor(ctx, actor, associationId, sphereId);
}

export async function leaveSphere(ctx: AppContext, actor: Actor, associationId: string, sphereId: string): Promise<void> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  if (access.facts.sphereRole === null) throw conflict("You are not a member of this sphere.");
  await changeSphere(ctx, associationId, sphereId, (tx, events) => removeSphereMemberInTx(tx, access, actorUserId(actor)!, events));
}

export async function listSphereMembers(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  page: SearchPageQuery,
): Promise<Page<SphereMember>> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  if (!access.abilities["sphereMember.list"]) {
    // Who belongs to a public sphere is not public (only how many): to people outside the association the list
    // does not exist; the association's own members are told they may not see it.
    if (!access.association.abilities["association.read"]) throw notFound("This sphere's members");
    throw forbidden();
  }
  const rows = await listSphereMemberRows(ctx.db, associationId, sphereId, { q: page.q, after: decodeNameCursor(page.cursor), limit: page.limit });
  const { items, nextCursor } = toPage(rows, page.limit, (r) => [r.sortName, r.userId]);
  return { items: items.map(presentSphereMember), nextCursor };
}

/** A manager adds a member of the association directly (no request, no invitation). */
export async function addSphereMember(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  userId: string,
  role: SphereRole,
): Promise<void> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  if (!canAssignSphereRole(access.abilities, null, role)) throw forbidden();
  await changeSphere(ctx, associationId, sphereId, async (tx, events) => {
    // Only people of this association can be added; anyone else is "not found", whether they exist or not.
    if (!(await findAssociationMembership(tx, associationId, userId))) throw notFound("This member of the association");
    if (!(await addSphereMemberInTx(tx, { associationId, sphereId }, userId, role, events))) {
      throw conflict("This person is already a member of the sphere.");
    }
    await insertAuditRecord(tx, { associationId, actorId: actorUserId(actor), action: "sphereMember.added", targetType: "user", targetId: userId, data: { sphereId, role } });
  });
}

export async function changeSphereMemberRole(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  sphereId: string,
  userId: string,
  role: SphereRole,
): Promise<void> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  if (!access.abilities["sphereMember.appointModerator"] && !access.abilities["sphereMember.appointManager"]) throw forbidden();
  await changeSphere(ctx, associationId, sphereId, async (tx, events) => {
    const membership = await findSphereMembership(tx, sphereId, userId);
    if (!membership) throw notFound("This member");
    if (!canAssignSphereRole(access.abilities, membership.role, role)) {
      throw forbidden("Managers are appointed and replaced by the administrators of the association.");
    }
    if (membership.role === role) return;
    if (membership.role === "manager" && (await countSphereManagers(tx, sphereId)) <= 1) throw lastManager();
    await updateSphereMemberRole(tx, sphereId, userId, role);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: "sphereMember.roleChanged",
      targetType: "user",
      targetId: userId,
      data: { sphereId, from: membership.role, to: role },
    });
    events.add("sphereMembership.changed", { associationId, sphereId, userId, role });
  });
}

export async function removeSphereMember(ctx: AppContext, actor: Actor, associationId: string, sphereId: string, userId: string): Promise<void> {
  const access = await getVisibleSphere(ctx.db, actor, associationId, sphereId);
  if (!access.abilities["sphereMember.remove"]) throw forbidden();
  await changeSphere(ctx, associationId, sphereId, async (tx, events) => {
    const current = await findSphereMembership(tx, sphereId, userId);
    if (!current) throw notFound("This member");
    if (!canRemoveSphereMember(access.abilities, current.role)) {
      throw forbidden("Managers are removed by the administrators of the association.");
    }
    const role = await removeSphereMemberInTx(tx, access, userId, events);
    await insertAuditRecord(tx, { associationId, actorId: actorUserId(actor), action: "sphereMember.removed", targetType: "user", targetId: userId, data: { sphereId, role } });
  });
}

/**
 * When someone leaves the association: all their sphere memberships go, in the caller's transaction (which holds
 * the association's lock). Refused while they are the only manager of a sphere.
 */
export async function removeUserFromAssociationSpheres(
  tx: DbOrTx,
  associationId: string,
  userId: string,
  events: EventBatch,
): Promise<void> {
  await lockSpheresOfMember(tx, associationId, userId);
  const soleManaged = await listSpheresManagedOnlyBy(tx, associationId, userId);
  if (soleManaged.length > 0) {
    throw new AppError(
      "LAST_MANAGER",
      `This person is the only manager of ${soleManaged.length} sphere(s): appoint another manager there first.`,
    );
  }
  const left = await deleteMembershipsOfUser(tx, associationId, userId);
  await adjustMemberCounts(tx, associationId, left, -1);
  await cancelPendingJoinRequests(tx, associationId, userId);
  for (const sphereId of left) events.add("sphereMembership.changed", { associationId, sphereId, userId, role: null });
}
