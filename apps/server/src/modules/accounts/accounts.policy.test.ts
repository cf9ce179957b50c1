import { describe, expect, it } from "vitest";
import { instancePermissions, type InstancePermission } from "@trame/contracts";
import { getInstanceAbilities, hasInstancePermission } from "./accounts.policy.js";

// The table the policy must follow: instance role × instance ability.
const expected: Record<"instance admin" | "user", Record<InstancePermission, boolean>> = {
  "instance admin": { "instance.manage": true, "association.create": true, "association.listAll": true, "outbox.read": true },
  user: { "instance.manage": false, "association.create": false, "association.listAll": false, "outbox.read": false },
};

describe("accounts policy: instance abilities", () => {
  for (const [role, abilities] of Object.entries(expected)) {
    const facts = { isInstanceAdmin: role === "instance admin" };
    for (const permission of instancePermissions) {
      it(`${role} ${abilities[permission] ? "may" : "may not"} ${permission}`, () => {
        expect(hasInstancePermission(facts, permission)).toBe(abilities[permission]);
      });
    }
    it(`sends every instance ability, explicitly, to a ${role}`, () => {
      expect(getInstanceAbilities(facts)).toEqual(abilities);
    });
  }
});
