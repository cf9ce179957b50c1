import type { AssociationRole, SphereRole } from "@trame/contracts";
import type { AssociationAbilityMap } from "../associations/associations.public.js";
import type { SphereAbilityMap } from "../spheres/spheres.public.js";

export interface InvitationRequest {
  associationRole: Exclude<AssociationRole, "owner">;
  /** Abilities in the target sphere, or null for an invitation to the association only. */
  sphere: SphereAbilityMap | null;
  sphereRole: Exclude<SphereRole, "manager">;
}

/**
 * Who may invite whom. Association admins invite with any role but owner, into any sphere they manage.
 * A sphere manager or moderator invites into their own sphere only, and only as a member or guest of the
 * association; making someone a moderator stays a manager's call.
 */
export function canInvite(association: AssociationAbilityMap, request: InvitationRequest): boolean {
  if (request.sphere !== null && !request.sphere["sphereMember.invite"]) return false;
  if (association["invitation.create"]) return true;
  if (request.sphere === null) return false;
  if (request.associationRole !== "member" && request.associationRole !== "guest") return false;
  return request.sphereRole !== "moderator" || request.sphere["sphereMember.appointModerator"];
}

/** Seeing the invitations: admins see all; sphere managers and moderators those of their sphere. */
export function canListInvitations(association: AssociationAbilityMap, sphere: SphereAbilityMap | null): boolean {
  if (association["invitation.list"]) return true;
  return sphere !== null && sphere["sphereMember.invite"];
}

/** Revoking: admins, or whoever may invite into the invitation's sphere. */
export function canRevokeInvitation(association: AssociationAbilityMap, sphere: SphereAbilityMap | null): boolean {
  if (association["invitation.revoke"]) return true;
  return sphere !== null && sphere["sphereMember.invite"];
}
