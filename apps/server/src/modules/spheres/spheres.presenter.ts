import type { Sphere, SphereCreationRequest, SphereJoinRequest, SphereMember, SphereRole, SphereSummary, SphereVisibility } from "@trame/contracts";
import { avatarUrlOf } from "../../platform/storage/public-urls.js";
import type { SphereAccess } from "./sphere-access.js";

interface SummaryRow {
  id: string;
  name: string;
  description: string;
  visibility: SphereVisibility;
  parentId: string | null;
  memberCount: number;
  archivedAt: string | null;
  myRole: SphereRole | null;
  hasPendingRequest: boolean;
}

export function presentSphereSummary(row: SummaryRow): SphereSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    parentId: row.parentId,
    memberCount: row.memberCount,
    archived: row.archivedAt !== null,
    myRole: row.myRole,
    hasPendingRequest: row.hasPendingRequest,
  };
}

export function presentSphere(access: SphereAccess): Sphere {
  const s = access.sphere;
  return {
    ...presentSphereSummary(s),
    // A public sphere may sit under a secret or private one: its visitors are not told the parent's name.
    parentId: access.canSeeParent ? s.parentId : null,
    associationId: s.associationId,
    parentName: access.canSeeParent ? s.parentName : null,
    myPendingRequestId: s.myPendingRequestId,
    createdAt: s.createdAt,
    archivedAt: s.archivedAt,
    abilities: access.abilities,
  };
}

export function presentSphereMember(row: { userId: string; displayName: string; avatarKey: string | null; role: SphereRole; joinedAt: string }): SphereMember {
  return {
    userId: row.userId,
    displayName: row.displayName,
    role: row.role,
    joinedAt: row.joinedAt,
    avatarUrl: avatarUrlOf(row.userId, row.avatarKey),
  };
}

export function presentJoinRequest(row: SphereJoinRequest & { cursorTime?: string }): SphereJoinRequest {
  const { cursorTime: _, ...request } = row;
  return request;
}

export function presentCreationRequest(row: SphereCreationRequest & { cursorTime?: string }): SphereCreationRequest {
  const { cursorTime: _, ...request } = row;
  return request;
}
