import type { InstancePermission } from "@trame/contracts";
import { instanceAdminPermissions } from "@trame/contracts";
import type { Actor } from "../../platform/authz/actor.js";
import { forbidden, unauthenticated } from "../../platform/http/app-error.js";

/**
 * The instance administration area. Its existence is no secret, so a signed-in person without the permission is
 * told FORBIDDEN (not NOT_FOUND); a signed-out visitor is asked to sign in.
 */
export function assertInstancePermission(actor: Actor, permission: InstancePermission): void {
  if (actor.kind !== "user") throw unauthenticated();
  if (!canUseInstancePermission(actor, permission)) throw forbidden("This is reserved to the administrators of this instance.");
}

export function canUseInstancePermission(actor: Actor, permission: InstancePermission): boolean {
  return actor.kind === "user" && actor.isInstanceAdmin && instanceAdminPermissions.includes(permission);
}
