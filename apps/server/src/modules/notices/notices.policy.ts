import {
  associationRolePermissions,
  associationRoles,
  sphereRolePermissions,
  sphereRoles,
  type AssociationRole,
  type SphereRole,
} from "@trame/contracts";

/**
 * Who reviews what, read from the permission catalogue (never a second list of roles): the sphere roles that
 * review a sphere's join requests, and the association roles that review sphere creation requests. Association
 * admins review every sphere's requests (see sphereAbilities in modules/spheres).
 */
export const joinReviewingSphereRoles: readonly SphereRole[] = sphereRoles.filter((r) =>
  sphereRolePermissions[r].includes("sphereJoinRequest.review"),
);
export const creationReviewingRoles: readonly AssociationRole[] = associationRoles.filter((r) =>
  associationRolePermissions[r].includes("sphereCreationRequest.review"),
);
/** Association roles that manage every sphere, hence review every sphere's join requests. */
export const allSpheresReviewingRoles: readonly AssociationRole[] = ["owner", "admin"];

/** What the pending counts of an actor cover: every sphere (admins) or the spheres where their role reviews. */
export interface PendingReviewScope {
  allSpheres: boolean;
  creationRequests: boolean;
}

export function pendingReviewScope(facts: { isInstanceAdmin: boolean; role: AssociationRole | null }): PendingReviewScope {
  const role = facts.isInstanceAdmin ? "owner" : facts.role;
  return {
    allSpheres: role !== null && allSpheresReviewingRoles.includes(role),
    creationRequests: role !== null && creationReviewingRoles.includes(role),
  };
}
