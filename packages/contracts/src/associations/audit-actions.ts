// No zod here: the web app imports this list at run time, and a module that builds schemas would bring zod along.

/** Every action the audit log records (`<resource>.<pastTense>`): the filter's choices, one sentence each in the web app. */
export const auditActions = [
  "association.created",
  "association.updated",
  "association.logoChanged",
  "association.logoRemoved",
  "charter.published",
  "associationMember.added",
  "associationMember.roleChanged",
  "associationMember.removed",
  "associationMember.left",
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
  "sphere.created",
  "sphere.updated",
  "sphere.archived",
  "sphere.unarchived",
  "sphere.deleted",
  "sphereMember.added",
  "sphereMember.roleChanged",
  "sphereMember.removed",
  "sphereJoinRequest.approved",
  "sphereJoinRequest.refused",
  "sphereCreationRequest.approved",
  "sphereCreationRequest.refused",
  "sphereCreationRequest.redirected",
] as const;
export type AuditAction = (typeof auditActions)[number];
