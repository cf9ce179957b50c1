import type { AssociationAbilities, AssociationPermission } from "@trame/contracts";

/** The administration sections and the ability that opens each (read from the API, never from roles). */
export const adminSections = [
  { key: "settings", path: "/a/$slug/admin", ability: "association.update" },
  { key: "branding", path: "/a/$slug/admin/branding", ability: "association.update" },
  { key: "modules", path: "/a/$slug/admin/modules", ability: "association.update" },
  { key: "charter", path: "/a/$slug/admin/charter", ability: "association.update" },
  { key: "members", path: "/a/$slug/admin/members", ability: "associationMember.changeRole" },
  { key: "sphereRequests", path: "/a/$slug/admin/sphere-requests", ability: "sphereCreationRequest.review" },
  { key: "invitations", path: "/a/$slug/admin/invitations", ability: "invitation.list" },
  { key: "audit", path: "/a/$slug/admin/audit", ability: "audit.read" },
] as const satisfies readonly { key: string; path: string; ability: AssociationPermission }[];

export type AdminSectionKey = (typeof adminSections)[number]["key"];

export function visibleAdminSections(abilities: AssociationAbilities) {
  return adminSections.filter((section) => abilities[section.ability] === true);
}

export function canAdministerAssociation(abilities: AssociationAbilities): boolean {
  return visibleAdminSections(abilities).length > 0;
}
