/**
 * The permission catalogue `<resource>.<action>` and the role → permission sets of each scope.
 * Policies (server) compute abilities from these; the web app only reads abilities, never roles.
 */
export const instancePermissions = [
  "instance.manage",
  "association.create",
  "association.listAll",
  "outbox.read",
] as const;

export const associationPermissions = [
  "association.read",
  "association.update",
  "association.delete",
  "associationMember.list",
  "associationMember.viewEmail",
  "associationMember.changeRole",
  "associationMember.remove",
  "invitation.create",
  "invitation.list",
  "invitation.revoke",
  "sphere.list",
  "sphere.create",
  "sphere.requestCreation",
  "sphereCreationRequest.review",
  "audit.read",
] as const;

export const spherePermissions = [
  "sphere.read",
  "sphere.update",
  "sphere.archive",
  "sphere.delete",
  "sphere.join",
  "sphere.requestJoin",
  "sphere.leave",
  "sphereMember.list",
  "sphereMember.invite",
  "sphereMember.remove",
  "sphereMember.appointManager",
  "sphereMember.appointModerator",
  "sphereJoinRequest.review",
] as const;

export type InstancePermission = (typeof instancePermissions)[number];
export type AssociationPermission = (typeof associationPermissions)[number];
export type SpherePermission = (typeof spherePermissions)[number];
export type Permission = InstancePermission | AssociationPermission | SpherePermission;

export const associationRoles = ["owner", "admin", "member", "guest"] as const;
export type AssociationRole = (typeof associationRoles)[number];

export const sphereRoles = ["manager", "moderator", "member", "guest"] as const;
export type SphereRole = (typeof sphereRoles)[number];

export const sphereVisibilities = ["secret", "private", "open", "public"] as const;
export type SphereVisibility = (typeof sphereVisibilities)[number];

export const sphereCreationPolicies = ["admins", "request", "members"] as const;
export type SphereCreationPolicy = (typeof sphereCreationPolicies)[number];

const memberAssociation: readonly AssociationPermission[] = ["association.read", "associationMember.list", "sphere.list"];

/** What each association role grants, before the association's settings (e.g. sphere creation policy) are applied. */
export const associationRolePermissions: Record<AssociationRole, readonly AssociationPermission[]> = {
  owner: associationPermissions,
  admin: associationPermissions.filter((p) => p !== "association.delete"),
  member: memberAssociation,
  // A guest is an external partner: they see the association's name and the spheres they were invited to, nothing else.
  guest: ["association.read"],
};

/** What each sphere role grants inside a sphere. Association admins get sphere management through the policy. */
export const sphereRolePermissions: Record<SphereRole, readonly SpherePermission[]> = {
  manager: [
    "sphere.read",
    "sphere.update",
    "sphere.archive",
    "sphere.leave",
    "sphereMember.list",
    "sphereMember.invite",
    "sphereMember.remove",
    "sphereMember.appointModerator",
    "sphereJoinRequest.review",
  ],
  moderator: ["sphere.read", "sphere.leave", "sphereMember.list", "sphereMember.invite", "sphereJoinRequest.review"],
  member: ["sphere.read", "sphere.leave", "sphereMember.list"],
  guest: ["sphere.read", "sphere.leave", "sphereMember.list"],
};

export const instanceAdminPermissions: readonly InstancePermission[] = instancePermissions;

/** Abilities sent with the data: a flat map the web app reads to decide what to show. */
export type Abilities<P extends string> = Partial<Record<P, boolean>>;
