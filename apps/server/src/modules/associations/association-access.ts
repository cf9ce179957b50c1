import type { AssociationPermission } from "@trame/contracts";
import type { Actor } from "../../platform/authz/actor.js";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { forbidden, notFound } from "../../platform/http/app-error.js";
import { associationAbilities, type AssociationAbilityMap, type AssociationFacts } from "./associations.policy.js";
import { findAssociationWithRole, type AssociationWithRole } from "./associations.repository.js";

/** An association as one actor sees it: the row, their role, and what the policy lets them do. */
export interface AssociationAccess extends AssociationWithRole {
  facts: AssociationFacts;
  abilities: AssociationAbilityMap;
}

export const actorUserId = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);
const actorIsInstanceAdmin = (actor: Actor): boolean => actor.kind === "user" && actor.isInstanceAdmin;

export async function findAssociationAccess(db: DbOrTx, actor: Actor, where: { id: string } | { slug: string }): Promise<AssociationAccess | null> {
  const found = await findAssociationWithRole(db, where, actorUserId(actor));
  if (!found) return null;
  const facts: AssociationFacts = {
    isInstanceAdmin: actorIsInstanceAdmin(actor),
    role: found.myRole,
    sphereCreationPolicy: found.association.sphereCreationPolicy,
  };
  return { ...found, facts, abilities: associationAbilities(facts) };
}

/**
 * The association if the actor may see it, else NOT_FOUND — the same answer as for an id that does not exist,
 * so that nobody learns which associations exist by guessing ids or slugs.
 */
export async function getVisibleAssociation(db: DbOrTx, actor: Actor, where: { id: string } | { slug: string }): Promise<AssociationAccess> {
  const access = await findAssociationAccess(db, actor, where);
  if (!access || !access.abilities["association.read"]) throw notFound("This association");
  return access;
}

/** Throws FORBIDDEN when a visible association does not grant the permission. */
export function assertAssociationAbility(access: AssociationAccess, permission: AssociationPermission): void {
  if (!access.abilities[permission]) throw forbidden();
}

/**
 * For things only members may know exist (members list, audit, requests): a member lacking the permission gets
 * FORBIDDEN, an outsider NOT_FOUND.
 */
export async function getAssociationWithAbility(
  db: DbOrTx,
  actor: Actor,
  associationId: string,
  permission: AssociationPermission,
): Promise<AssociationAccess> {
  const access = await getVisibleAssociation(db, actor, { id: associationId });
  assertAssociationAbility(access, permission);
  return access;
}
