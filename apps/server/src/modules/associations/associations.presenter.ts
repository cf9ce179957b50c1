import { moduleNames, type Association, type AssociationMember, type ModuleName } from "@trame/contracts";
import { avatarUrlOf, logoUrlOf } from "../../platform/storage/public-urls.js";
import type { AssociationAccess } from "./association-access.js";
import type { AssociationRow } from "./associations.repository.js";
import type { AssociationMemberRow } from "./association-members.repository.js";

// A module name a later version wrote and this one does not know is left out rather than breaking the contract.
const isModuleName = (name: string): name is ModuleName => (moduleNames as readonly string[]).includes(name);

export function presentAssociation(access: AssociationAccess): Association {
  const a = access.association;
  return {
    id: a.id,
    name: a.name,
    slug: a.slug,
    parentId: a.parentId,
    language: a.language,
    timeZone: a.timeZone,
    primaryColor: a.primaryColor,
    accentColor: a.accentColor,
    logoUrl: logoUrlOf(a.id, a.logoKey),
    enabledModules: a.enabledModules.filter(isModuleName),
    sphereCreationPolicy: a.sphereCreationPolicy,
    charterVersion: access.charterVersion,
    createdAt: a.createdAt,
    myRole: access.myRole,
    abilities: access.abilities,
  };
}

export function presentBranding(a: AssociationRow) {
  return {
    id: a.id,
    name: a.name,
    slug: a.slug,
    primaryColor: a.primaryColor,
    accentColor: a.accentColor,
    logoUrl: logoUrlOf(a.id, a.logoKey),
  };
}

/** E-mail addresses are shown only to those allowed `associationMember.viewEmail` (association admins). */
export function presentAssociationMember(row: AssociationMemberRow, canViewEmail: boolean): AssociationMember {
  return {
    userId: row.userId,
    displayName: row.displayName,
    email: canViewEmail ? row.email : null,
    role: row.role,
    joinedAt: row.joinedAt,
    avatarUrl: avatarUrlOf(row.userId, row.avatarKey),
  };
}
