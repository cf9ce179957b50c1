import { describe, expect, it } from "vitest";
import { instancePermissions } from "@trame/contracts";
import type { Actor } from "../../platform/authz/actor.js";
import { AppError } from "../../platform/http/app-error.js";
import { assertInstancePermission, canUseInstancePermission } from "./admin.policy.js";

const actors: Record<string, Actor> = {
  "signed-out visitor": { kind: "anonymous" },
  user: { kind: "user", userId: "u1", isInstanceAdmin: false, sessionId: "s1" },
  "instance admin": { kind: "user", userId: "u2", isInstanceAdmin: true, sessionId: "s2" },
};
const outcome = { "signed-out visitor": "UNAUTHENTICATED", user: "FORBIDDEN", "instance admin": "allowed" } as const;

function outcomeOf(actor: Actor, permission: (typeof instancePermissions)[number]): string {
  try {
    assertInstancePermission(actor, permission);
    return "allowed";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe("admin policy: the instance administration area", () => {
  for (const [name, actor] of Object.entries(actors)) {
    for (const permission of instancePermissions) {
      const want = outcome[name as keyof typeof outcome];
      it(`${name} → ${want} for ${permission}`, () => {
        expect(outcomeOf(actor, permission)).toBe(want);
        expect(canUseInstancePermission(actor, permission)).toBe(want === "allowed");
      });
    }
  }
});
