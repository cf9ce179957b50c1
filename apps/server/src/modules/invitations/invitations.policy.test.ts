import { describe, expect, it } from "vitest";
import type { AssociationRole, SphereRole } from "@trame/contracts";
import { associationAbilities } from "../associations/associations.public.js";
import { sphereAbilities } from "../spheres/spheres.public.js";
import { canInvite, canListInvitations, canRevokeInvitation } from "./invitations.policy.js";

type Inviter = [label: string, association: AssociationRole, sphere: SphereRole | null];
const inviters: Inviter[] = [
  ["owner", "owner", null],
  ["admin", "admin", null],
  ["sphere manager", "member", "manager"],
  ["sphere moderator", "member", "moderator"],
  ["sphere member", "member", "member"],
  ["association member", "member", null],
  ["guest manager", "guest", "manager"],
];

const abilitiesOf = ([, association, sphere]: Inviter, archived = false) => ({
  association: associationAbilities({ isInstanceAdmin: false, role: association, sphereCreationPolicy: "request" }),
  sphere: sphereAbilities({ isInstanceAdmin: false, associationRole: association, sphereRole: sphere, visibility: "private", archived }),
});

/** Each case: into the association only, or into the sphere, with an association role and a sphere role. */
const requests = [
  "association:admin",
  "association:member",
  "association:guest",
  "sphere:admin/member",
  "sphere:member/member",
  "sphere:guest/guest",
  "sphere:member/moderator",
] as const;

const allowed: Record<string, Array<(typeof requests)[number]>> = {
  owner: [...requests],
  admin: [...requests],
  "sphere manager": ["sphere:member/member", "sphere:guest/guest", "sphere:member/moderator"],
  "sphere moderator": ["sphere:member/member", "sphere:guest/guest"],
  "sphere member": [],
  "association member": [],
  "guest manager": ["sphere:member/member", "sphere:guest/guest", "sphere:member/moderator"],
};

describe("invitation policy: inviter × invitation", () => {
  it.each(inviters.flatMap((inviter) => requests.map((r): [string, string, boolean, Inviter] => [inviter[0], r, allowed[inviter[0]]!.includes(r), inviter])))(
    "%s inviting %s: %s",
    (_label, request, expected, inviter) => {
      const { association, sphere } = abilitiesOf(inviter);
      const [scope, roles] = request.split(":") as [string, string];
      const [associationRole, sphereRole = "member"] = roles.split("/") as ["admin" | "member" | "guest", ("moderator" | "member" | "guest")?];
      expect(canInvite(association, { associationRole, sphere: scope === "sphere" ? sphere : null, sphereRole })).toBe(expected);
    },
  );

  it("nobody invites into an archived sphere", () => {
    for (const inviter of inviters) {
      const { association, sphere } = abilitiesOf(inviter, true);
      expect(canInvite(association, { associationRole: "member", sphere, sphereRole: "member" })).toBe(false);
    }
  });

  it.each<[string, boolean, boolean]>([
    // inviter, lists/revokes the association's invitations, lists/revokes their sphere's
    ["owner", true, true],
    ["admin", true, true],
    ["sphere manager", false, true],
    ["sphere moderator", false, true],
    ["sphere member", false, false],
    ["association member", false, false],
  ])("%s lists and revokes: association-wide %s, their sphere's %s", (label, wide, own) => {
    const inviter = inviters.find(([l]) => l === label)!;
    const { association, sphere } = abilitiesOf(inviter);
    expect(canListInvitations(association, null)).toBe(wide);
    expect(canRevokeInvitation(association, null)).toBe(wide);
    expect(canListInvitations(association, sphere)).toBe(own);
    expect(canRevokeInvitation(association, sphere)).toBe(own);
  });
});
