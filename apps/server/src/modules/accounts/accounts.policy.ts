import { instanceAdminPermissions, instancePermissions, type Abilities, type InstancePermission } from "@trame/contracts";

/** What the instance-level policy needs to know about the actor. */
export interface InstanceFacts {
  isInstanceAdmin: boolean;
}

/** Instance abilities, sent with Me: every instance permission, true only where the actor's role grants it. */
export function getInstanceAbilities(facts: InstanceFacts): Required<Abilities<InstancePermission>> {
  const granted: readonly InstancePermission[] = facts.isInstanceAdmin ? instanceAdminPermissions : [];
  return Object.fromEntries(instancePermissions.map((p) => [p, granted.includes(p)])) as Required<Abilities<InstancePermission>>;
}

export function hasInstancePermission(facts: InstanceFacts, permission: InstancePermission): boolean {
  return getInstanceAbilities(facts)[permission];
}
