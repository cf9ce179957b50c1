import { associationPermissions, type AssociationPermission } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import { isUuid } from "../../platform/db/name-search.js";
import { findUserById } from "../accounts/accounts.public.js";
import { findAssociationAccess } from "./association-access.js";

/**
 * Whether a signed-in user may be in the `association:<id>` room of the real-time hub — the same policy as reading
 * the association (its members, guests included, and instance administrators) — and what they may receive there:
 * the abilities that policy gives them in the association (a guest, who may not list its members, is not told
 * who joined). Null when they may not join.
 */
export async function associationRoomClearance(
  ctx: AppContext,
  userId: string,
  associationId: string,
): Promise<ReadonlySet<AssociationPermission> | null> {
  if (!isUuid(associationId) || !isUuid(userId)) return null;
  const user = await findUserById(ctx.db, userId);
  if (!user) return null;
  const access = await findAssociationAccess(
    ctx.db,
    { kind: "user", userId, isInstanceAdmin: user.isInstanceAdmin, sessionId: null },
    { id: associationId },
  );
  if (!access?.abilities["association.read"]) return null;
  return new Set(associationPermissions.filter((permission) => access.abilities[permission]));
}

/** Whether a signed-in user may be in the `association:<id>` room at all. */
export async function canJoinAssociationRoom(ctx: AppContext, userId: string, associationId: string): Promise<boolean> {
  return (await associationRoomClearance(ctx, userId, associationId)) !== null;
}
