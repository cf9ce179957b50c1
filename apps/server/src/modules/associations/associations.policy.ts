import {
  associationPermissions,
  associationRolePermissions,
  type AssociationPermission,
  type AssociationRole,
  type SphereCreationPolicy,
} from "@trame/contracts";

/** What the association policy needs to know about an actor and an association. No I/O: facts in, abilities out. */
export interface AssociationFacts {
  isInstanceAdmin: boolean;
  /** The actor's own role in the association, or null (not a member, or signed out). */
  role: AssociationRole | null;
  sphereCreationPolicy: SphereCreationPolicy;
}

export type AssociationAbilityMap = Record<AssociationPermission, boolean>;

const rank: Record<AssociationRole, number> = { guest: 0, member: 1, admin: 2, owner: 3 };

/** The higher of two roles (an invitation never lowers the role someone already has). */
export function higherAssociationRole(a: AssociationRole | null, b: AssociationRole): AssociationRole {
  return a !== null && rank[a] >= rank[b] ? a : b;
}

export const isAdminRole = (role: AssociationRole | null): boolean => role === "owner" || role === "admin";

/**
 * The role the policy acts on. Instance administrators run the instance: they may repair any association (for
 * example one whose last owner left), so they act with an owner's rights even without a role of their own.
 */
export function effectiveAssociationRole(facts: Pick<AssociationFacts, "isInstanceAdmin" | "role">): AssociationRole | null {
  return facts.isInstanceAdmin ? "owner" : facts.role;
}

/** Abilities of the actor in the association: the role's set, then the association's sphere creation policy. */
export function associationAbilities(facts: AssociationFacts): AssociationAbilityMap {
  const role = effectiveAssociationRole(facts);
  const granted = new Set<AssociationPermission>(role ? associationRolePermissions[role] : []);
  granted.delete("sphere.create");
  granted.delete("sphere.requestCreation");
  if (isAdminRole(role)) {
    // Admins always create directly: asking themselves for approval would be a ritual.
    granted.add("sphere.create");
  } else if (role === "member") {
    if (facts.sphereCreationPolicy === "members") granted.add("sphere.create");
    if (facts.sphereCreationPolicy === "request") granted.add("sphere.requestCreation");
  }
  return Object.fromEntries(associationPermissions.map((p) => [p, granted.has(p)])) as AssociationAbilityMap;
}

/** Whether the actor can see the association at all (anything else answers NOT_FOUND). */
export function canSeeAssociation(facts: AssociationFacts): boolean {
  return associationAbilities(facts)["association.read"];
}

/**
 * Changing someone's association role. Only owners grant or take away ownership; admins manage the other roles.
 * (Keeping at least one owner is an invariant checked by the service under a lock, not here.)
 */
export function canChangeAssociationRole(facts: AssociationFacts, from: AssociationRole, to: AssociationRole): boolean {
  if (!associationAbilities(facts)["associationMember.changeRole"]) return false;
  if (from === "owner" || to === "owner") return effectiveAssociationRole(facts) === "owner";
  return true;
}

/** Removing a member from the association: removing an owner takes an owner. */
export function canRemoveAssociationMember(facts: AssociationFacts, targetRole: AssociationRole): boolean {
  if (!associationAbilities(facts)["associationMember.remove"]) return false;
  return targetRole !== "owner" || effectiveAssociationRole(facts) === "owner";
}
