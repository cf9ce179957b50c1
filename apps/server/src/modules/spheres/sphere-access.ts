import type { SpherePermission } from "@trame/contracts";
import type { Actor } from "../../platform/authz/actor.js";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { forbidden, notFound } from "../../platform/http/app-error.js";
import { actorUserId, findAssociationAccess, type AssociationAccess } from "../associations/associations.public.js";
import { canSeeSphere, sphereAbilities, type SphereAbilityMap, type SphereFacts } from "./spheres.policy.js";
import { findSphereDetail, type SphereDetailRow } from "./spheres.repository.js";

/** A sphere as one actor sees it: the row with their role, the association, and what the policy lets them do. */
export interface SphereAccess {
  association: AssociationAccess;
  sphere: SphereDetailRow;
  facts: SphereFacts;
  abilities: SphereAbilityMap;
  /** Whether the actor may see the parent sphere (and so be told its name), by the same policy. */
  canSeeParent: boolean;
}

/** Two queries whatever the actor: the association with their role, then the sphere with theirs. */
export async function findSphereAccess(db: DbOrTx, actor: Actor, associationId: string, sphereId: string): Promise<SphereAccess | null> {
  const association = await findAssociationAccess(db, actor, { id: associationId });
  if (!association) return null;
  const sphere = await findSphereDetail(db, associationId, sphereId, actorUserId(actor));
  if (!sphere) return null;
  const facts: SphereFacts = {
    isInstanceAdmin: association.facts.isInstanceAdmin,
    associationRole: association.myRole,
    sphereRole: sphere.myRole,
    visibility: sphere.visibility,
    archived: sphere.archivedAt !== null,
  };
  const canSeeParent =
    sphere.parentVisibility !== null &&
    canSeeSphere({ ...facts, sphereRole: sphere.parentMyRole, visibility: sphere.parentVisibility, archived: false });
  return { association, sphere, facts, abilities: sphereAbilities(facts), canSeeParent };
}

/** The sphere if the actor may see it; otherwise NOT_FOUND, exactly as for an id that does not exist. */
export async function getVisibleSphere(db: DbOrTx, actor: Actor, associationId: string, sphereId: string): Promise<SphereAccess> {
  const access = await findSphereAccess(db, actor, associationId, sphereId);
  if (!access || !access.abilities["sphere.read"]) throw notFound("This sphere");
  return access;
}

export function assertSphereAbility(access: SphereAccess, permission: SpherePermission, message?: string): void {
  if (!access.abilities[permission]) throw forbidden(message);
}
