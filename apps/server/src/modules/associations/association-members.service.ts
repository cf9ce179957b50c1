import type { AssociationMember, AssociationRole, Page, SearchPageQuery } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import { runInTransaction, type DbOrTx } from "../../platform/db/transaction.js";
import { AppError, forbidden, notFound } from "../../platform/http/app-error.js";
import { removeUserFromAssociationSpheres } from "../spheres/spheres.public.js";
import { actorUserId, getAssociationWithAbility, getVisibleAssociation } from "./association-access.js";
import {
  countAssociationOwners,
  deleteAssociationMember,
  findAssociationMemberRow,
  findAssociationMembership,
  insertAssociationMember,
  listAssociationMemberRows,
  updateAssociationMemberRole,
} from "./association-members.repository.js";
import { canChangeAssociationRole, canRemoveAssociationMember, higherAssociationRole } from "./associations.policy.js";
import { presentAssociationMember } from "./associations.presenter.js";
import { lockAssociation } from "./associations.repository.js";
import type { EventBatch } from "../../platform/events/event-batch.js";
import { decodeNameCursor } from "../../platform/db/name-search.js";

const lastOwner = () =>
  new AppError("LAST_OWNER", "An association always keeps at least one owner: make someone else owner first.");

/**
 * Makes someone a member, inside the caller's transaction. `set` gives exactly this role (administration, CLI);
 * `atLeast` never lowers a role they already have (accepting an invitation).
 */
export async function addAssociationMemberInTx(
  tx: DbOrTx,
  associationId: string,
  userId: string,
  role: AssociationRole,
  actorId: string | null,
  events: EventBatch,
  mode: "set" | "atLeast" = "set",
): Promise<AssociationRole> {
  if (await insertAssociationMember(tx, associationId, userId, role)) {
    await insertAuditRecord(tx, { associationId, actorId, action: "associationMember.added", targetType: "user", targetId: userId, data: { role } });
    events.add("associationMembership.changed", { associationId, userId, role });
    return role;
  }
  const current = (await findAssociationMembership(tx, associationId, userId))!.role;
  const next = mode === "set" ? role : higherAssociationRole(current, role);
  if (next !== current) await changeRoleInTx(tx, associationId, userId, current, next, actorId, events);
  return next;
}

/** Adds (or re-roles) a member: for the CLI and the demo, which act as the instance. */
export async function addAssociationMember(
  ctx: AppContext,
  associationId: string,
  userId: string,
  role: AssociationRole,
  actorId: string | null,
): Promise<void> {
  await runInTransaction(ctx, async (tx, events) => {
    if (!(await lockAssociation(tx, associationId))) throw notFound("This association");
    await addAssociationMemberInTx(tx, associationId, userId, role, actorId, events);
  });
}

async function changeRoleInTx(
  tx: DbOrTx,
  associationId: string,
  userId: string,
  from: AssociationRole,
  to: AssociationRole,
  actorId: string | null,
  events: EventBatch,
): Promise<void> {
  // The caller holds the association's lock, so two owners cannot demote each other at the same time.
  if (from === "owner" && to !== "owner" && (await countAssociationOwners(tx, associationId)) <= 1) throw lastOwner();
  await updateAssociationMemberRole(tx, associationId, userId, to);
  await insertAuditRecord(tx, {
    associationId,
    actorId,
    action: "associationMember.roleChanged",
    targetType: "user",
    targetId: userId,
    data: { from, to },
  });
  events.add("associationMembership.changed", { associationId, userId, role: to });
}

export async function listAssociationMembers(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  page: SearchPageQuery & { role?: AssociationRole },
): Promise<Page<AssociationMember>> {
  const access = await getAssociationWithAbility(ctx.db, actor, associationId, "associationMember.list");
  const rows = await listAssociationMemberRows(ctx.db, associationId, {
    q: page.q,
    role: page.role,
    after: decodeNameCursor(page.cursor),
    limit: page.limit,
  });
  const { items, nextCursor } = toPage(rows, page.limit, (r) => [r.sortName, r.userId]);
  const canViewEmail = access.abilities["associationMember.viewEmail"];
  return { items: items.map((r) => presentAssociationMember(r, canViewEmail)), nextCursor };
}

export async function changeAssociationMemberRole(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  userId: string,
  role: AssociationRole,
): Promise<AssociationMember> {
  const access = await getAssociationWithAbility(ctx.db, actor, associationId, "associationMember.changeRole");
  await runInTransaction(ctx, async (tx, events) => {
    await lockAssociation(tx, associationId);
    const target = await findAssociationMembership(tx, associationId, userId);
    if (!target) throw notFound("This member");
    if (!canChangeAssociationRole(access.facts, target.role, role)) throw forbidden("Only an owner can grant or take away ownership.");
    if (target.role !== role) await changeRoleInTx(tx, associationId, userId, target.role, role, actorUserId(actor), events);
  });
  const row = await findAssociationMemberRow(ctx.db, associationId, userId);
  if (!row) throw notFound("This member");
  return presentAssociationMember(row, access.abilities["associationMember.viewEmail"]);
}

/**
 * Removes someone from the association, and from all its spheres in the same transaction. Anyone may leave on
 * their own; removing others takes `associationMember.remove` (and an owner to remove an owner).
 */
export async function removeAssociationMember(ctx: AppContext, actor: Actor, associationId: string, userId: string): Promise<void> {
  const access = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const leaving = actorUserId(actor) === userId;
  if (!leaving && !access.abilities["associationMember.remove"]) throw forbidden();
  await runInTransaction(ctx, async (tx, events) => {
    await lockAssociation(tx, associationId);
    const target = await findAssociationMembership(tx, associationId, userId);
    if (!target) throw notFound("This member");
    if (!leaving && !canRemoveAssociationMember(access.facts, target.role)) throw forbidden("Only an owner can remove an owner.");
    if (target.role === "owner" && (await countAssociationOwners(tx, associationId)) <= 1) throw lastOwner();
    await removeUserFromAssociationSpheres(tx, associationId, userId, events);
    await deleteAssociationMember(tx, associationId, userId);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: leaving ? "associationMember.left" : "associationMember.removed",
      targetType: "user",
      targetId: userId,
      data: { role: target.role },
    });
    events.add("associationMembership.changed", { associationId, userId, role: null });
  });
}
