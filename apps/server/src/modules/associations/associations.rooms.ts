import type { AppContext } from "../../platform/app-context.js";
import { isUuid } from "../../platform/db/name-search.js";
import { findUserById } from "../accounts/accounts.public.js";
import { findAssociationAccess } from "./association-access.js";

/**
 * Whether a signed-in user may be in the `association:<id>` room of the real-time hub: the same policy as reading
 * the association (its members, guests included, and instance administrators).
 */
export async function canJoinAssociationRoom(ctx: AppContext, userId: string, associationId: string): Promise<boolean> {
  if (!isUuid(associationId) || !isUuid(userId)) return false;
  const user = await findUserById(ctx.db, userId);
  if (!user) return false;
  const access = await findAssociationAccess(
    ctx.db,
    { kind: "user", userId, isInstanceAdmin: user.isInstanceAdmin, sessionId: null },
    { id: associationId },
  );
  return access?.abilities["association.read"] ?? false;
}
