import { spherePermissions, type SpherePermission } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import { isUuid } from "../../platform/db/name-search.js";
import { findUserById } from "../accounts/accounts.public.js";
import { findSphereAccess } from "./sphere-access.js";
import { findSphereAssociationId } from "./spheres.repository.js";

/**
 * Whether a signed-in user may be in the `sphere:<id>` room of the real-time hub — the same policy as reading the
 * sphere — and what they may receive there: the abilities that policy gives them in the sphere (whoever may not
 * list its members is not told who joined, whoever may not review its requests does not hear of them). Null when
 * they may not join. Called on subscribe and again when their access may have changed.
 */
export async function sphereRoomClearance(ctx: AppContext, userId: string, sphereId: string): Promise<ReadonlySet<SpherePermission> | null> {
  if (!isUuid(sphereId) || !isUuid(userId)) return null;
  const [user, associationId] = await Promise.all([findUserById(ctx.db, userId), findSphereAssociationId(ctx.db, sphereId)]);
  if (!user || !associationId) return null;
  const access = await findSphereAccess(
    ctx.db,
    { kind: "user", userId, isInstanceAdmin: user.isInstanceAdmin, sessionId: null },
    associationId,
    sphereId,
  );
  if (!access?.abilities["sphere.read"]) return null;
  return new Set(spherePermissions.filter((permission) => access.abilities[permission]));
}

/** Whether a signed-in user may be in the `sphere:<id>` room at all. */
export async function canJoinSphereRoom(ctx: AppContext, userId: string, sphereId: string): Promise<boolean> {
  return (await sphereRoomClearance(ctx, userId, sphereId)) !== null;
}
