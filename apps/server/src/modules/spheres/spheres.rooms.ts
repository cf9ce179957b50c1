import type { AppContext } from "../../platform/app-context.js";
import { isUuid } from "../../platform/db/name-search.js";
import { findUserById } from "../accounts/accounts.public.js";
import { findSphereAccess } from "./sphere-access.js";
import { findSphereAssociationId } from "./spheres.repository.js";

/**
 * Whether a signed-in user may be in the `sphere:<id>` room of the real-time hub: the same policy as reading the
 * sphere. Called on subscribe and again when their access may have changed.
 */
export async function canJoinSphereRoom(ctx: AppContext, userId: string, sphereId: string): Promise<boolean> {
  if (!isUuid(sphereId) || !isUuid(userId)) return false;
  const [user, associationId] = await Promise.all([findUserById(ctx.db, userId), findSphereAssociationId(ctx.db, sphereId)]);
  if (!user || !associationId) return false;
  const access = await findSphereAccess(
    ctx.db,
    { kind: "user", userId, isInstanceAdmin: user.isInstanceAdmin, sessionId: null },
    associationId,
    sphereId,
  );
  return access?.abilities["sphere.read"] ?? false;
}
