import {
  spherePermissions,
  sphereRolePermissions,
  type AssociationRole,
  type SpherePermission,
  type SphereRole,
  type SphereVisibility,
} from "@trame/contracts";
import { effectiveAssociationRole, isAdminRole } from "../associations/associations.public.js";

/** What the sphere policy needs to know. No I/O: facts in, abilities out. */
export interface SphereFacts {
  isInstanceAdmin: boolean;
  /** The actor's role in the sphere's association, or null (not a member, or signed out). */
  associationRole: AssociationRole | null;
  /** The actor's role in the sphere, or null. */
  sphereRole: SphereRole | null;
  visibility: SphereVisibility;
  archived: boolean;
}

export type SphereAbilityMap = Record<SpherePermission, boolean>;

const none = (): SphereAbilityMap => Object.fromEntries(spherePermissions.map((p) => [p, false])) as SphereAbilityMap;

/** What stays possible in an archived sphere: reading it, and leaving it. */
const archivedKeeps: readonly SpherePermission[] = ["sphere.read", "sphereMember.list", "sphere.leave"];

/**
 * Whether the actor may know the sphere exists. Secret spheres are invisible to non-members (association admins
 * excepted); guests of the association see only their own spheres; public spheres are readable by anyone, signed
 * in or not (their about page: the members list stays for the sphere's own people, see sphereAbilities).
 */
export function canSeeSphere(facts: SphereFacts): boolean {
  const role = effectiveAssociationRole({ isInstanceAdmin: facts.isInstanceAdmin, role: facts.associationRole });
  // A sphere membership only counts while the person still belongs to the association.
  const sphereRole = role === null ? null : facts.sphereRole;
  if (facts.visibility === "public" || isAdminRole(role) || sphereRole !== null) return true;
  return role === "member" && facts.visibility !== "secret";
}

export function sphereAbilities(facts: SphereFacts): SphereAbilityMap {
  const abilities = none();
  if (!canSeeSphere(facts)) return abilities;
  const role = effectiveAssociationRole({ isInstanceAdmin: facts.isInstanceAdmin, role: facts.associationRole });
  const isAdmin = isAdminRole(role);
  const sphereRole = role === null ? null : facts.sphereRole;

  const granted = new Set<SpherePermission>(sphereRole ? sphereRolePermissions[sphereRole] : []);
  // Seeing a sphere is reading its about page (name, description, member count). Who its members are is not
  // part of it: a public sphere shows people outside the association — signed out ones included — only how many
  // they are, never who (sphereMember.list comes with a sphere role, or with administering the association).
  granted.add("sphere.read");
  if (isAdmin) {
    // Association admins manage every sphere of their association, member of it or not.
    for (const p of spherePermissions) {
      if (p !== "sphere.join" && p !== "sphere.requestJoin" && p !== "sphere.leave") granted.add(p);
    }
  }
  if (sphereRole === null && role !== null && role !== "guest") {
    // Admins may walk into any sphere they manage; members join open spheres and ask to join private ones.
    if (isAdmin || facts.visibility === "open" || facts.visibility === "public") granted.add("sphere.join");
    else if (facts.visibility === "private") granted.add("sphere.requestJoin");
  }
  for (const p of granted) abilities[p] = true;

  if (facts.archived) {
    // Read-only: nothing changes but membership by leaving; admins may still unarchive or delete it.
    for (const p of spherePermissions) {
      const kept = archivedKeeps.includes(p) || (isAdmin && (p === "sphere.archive" || p === "sphere.delete"));
      if (!kept) abilities[p] = false;
    }
  }
  return abilities;
}

/**
 * Which spheres an association's directory shows the actor — decided here, applied in SQL by the repository, so
 * that it always agrees with canSeeSphere:
 * - `all`: association admins (and instance administrators) see every sphere;
 * - `visible`: members see every non-secret sphere, and the secret ones they belong to;
 * - `mineOrPublic`: guests see the spheres they were invited to, and the public ones (which anybody may read);
 * - `public`: people outside the association — signed out, or signed in elsewhere — see its public spheres only;
 * - `mine`: anyone of the association asking for "my spheres";
 * - `none`: someone outside the association asking for "my spheres" (they have none there).
 * Whether an association without any public sphere may be listed at all is the service's business (it answers
 * NOT_FOUND then, so that nobody outside learns that the association exists).
 */
export type SphereDirectoryScope = "all" | "visible" | "mineOrPublic" | "public" | "mine" | "none";

export function sphereDirectoryScope(facts: Pick<SphereFacts, "isInstanceAdmin" | "associationRole">, mineOnly: boolean): SphereDirectoryScope {
  const role = effectiveAssociationRole({ isInstanceAdmin: facts.isInstanceAdmin, role: facts.associationRole });
  if (role === null) return mineOnly ? "none" : "public";
  if (mineOnly) return "mine";
  if (isAdminRole(role)) return "all";
  return role === "member" ? "visible" : "mineOrPublic";
}

/**
 * Giving someone a sphere role (or changing it). Managers are appointed or demoted by association admins only;
 * managers appoint moderators and handle members and guests.
 */
export function canAssignSphereRole(abilities: SphereAbilityMap, from: SphereRole | null, to: SphereRole): boolean {
  if (from === "manager" || to === "manager") return abilities["sphereMember.appointManager"];
  return abilities["sphereMember.appointModerator"];
}

/** Removing someone from a sphere: removing a manager takes an admin, removing a moderator takes a manager. */
export function canRemoveSphereMember(abilities: SphereAbilityMap, targetRole: SphereRole): boolean {
  if (targetRole === "manager") return abilities["sphereMember.appointManager"];
  if (targetRole === "moderator") return abilities["sphereMember.appointModerator"];
  return abilities["sphereMember.remove"];
}
