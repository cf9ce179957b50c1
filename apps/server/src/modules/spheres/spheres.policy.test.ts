import { describe, expect, it } from "vitest";
import { spherePermissions, type AssociationRole, type SpherePermission, type SphereRole, type SphereVisibility } from "@trame/contracts";
import {
  canAssignSphereRole,
  canRemoveSphereMember,
  canSeeSphere,
  sphereAbilities,
  sphereDirectoryScope,
  type SphereDirectoryScope,
  type SphereFacts,
} from "./spheres.policy.js";

type Who = AssociationRole | "outsider" | "anonymous" | "instanceAdmin";
type InSphere = SphereRole | "none";

const facts = (who: Who, inSphere: InSphere, visibility: SphereVisibility = "private", archived = false): SphereFacts => ({
  isInstanceAdmin: who === "instanceAdmin",
  associationRole: who === "outsider" || who === "anonymous" || who === "instanceAdmin" ? null : who,
  sphereRole: inSphere === "none" ? null : inSphere,
  visibility,
  archived,
});

const granted = (f: SphereFacts) => spherePermissions.filter((p) => sphereAbilities(f)[p]).sort();

// What association administrators may do in any sphere of their association.
const manageAll: SpherePermission[] = spherePermissions.filter((p) => p !== "sphere.join" && p !== "sphere.requestJoin" && p !== "sphere.leave");
const managerSet: SpherePermission[] = [
  "sphere.read", "sphere.update", "sphere.archive", "sphere.leave", "sphereMember.list", "sphereMember.invite",
  "sphereMember.remove", "sphereMember.appointModerator", "sphereJoinRequest.review",
];
const moderatorSet: SpherePermission[] = ["sphere.read", "sphere.leave", "sphereMember.list", "sphereMember.invite", "sphereJoinRequest.review"];
const memberSet: SpherePermission[] = ["sphere.read", "sphere.leave", "sphereMember.list"];

describe("sphere policy: association role × sphere role, in a private sphere", () => {
  it.each<[Who, InSphere, SpherePermission[]]>([
    ["owner", "manager", [...manageAll, "sphere.leave"]],
    ["owner", "moderator", [...manageAll, "sphere.leave"]],
    ["owner", "member", [...manageAll, "sphere.leave"]],
    ["owner", "guest", [...manageAll, "sphere.leave"]],
    ["owner", "none", [...manageAll, "sphere.join"]],
    ["admin", "manager", [...manageAll, "sphere.leave"]],
    ["admin", "moderator", [...manageAll, "sphere.leave"]],
    ["admin", "member", [...manageAll, "sphere.leave"]],
    ["admin", "guest", [...manageAll, "sphere.leave"]],
    ["admin", "none", [...manageAll, "sphere.join"]],
    ["instanceAdmin", "none", [...manageAll, "sphere.join"]],
    ["member", "manager", managerSet],
    ["member", "moderator", moderatorSet],
    ["member", "member", memberSet],
    ["member", "guest", memberSet],
    ["member", "none", ["sphere.read", "sphere.requestJoin"]],
    ["guest", "manager", managerSet],
    ["guest", "moderator", moderatorSet],
    ["guest", "member", memberSet],
    ["guest", "guest", memberSet],
    // Guests see only the spheres they belong to.
    ["guest", "none", []],
    // A sphere membership counts only while one belongs to the association.
    ["outsider", "member", []],
    ["outsider", "none", []],
    ["anonymous", "none", []],
  ])("%s with sphere role %s is granted exactly %j", (who, inSphere, expected) => {
    expect(granted(facts(who, inSphere))).toEqual([...new Set(expected)].sort());
  });
});

describe("sphere policy: who sees a sphere, by visibility (not a member of it)", () => {
  it.each<[Who, SphereVisibility, boolean]>([
    ["owner", "secret", true],
    ["admin", "secret", true],
    ["instanceAdmin", "secret", true],
    ["member", "secret", false],
    ["guest", "secret", false],
    ["outsider", "secret", false],
    ["anonymous", "secret", false],
    ["owner", "private", true],
    ["member", "private", true],
    ["guest", "private", false],
    ["outsider", "private", false],
    ["anonymous", "private", false],
    ["member", "open", true],
    ["guest", "open", false],
    ["outsider", "open", false],
    ["anonymous", "open", false],
    ["member", "public", true],
    ["guest", "public", true],
    ["outsider", "public", true],
    ["anonymous", "public", true],
  ])("%s sees a %s sphere: %s", (who, visibility, visible) => {
    expect(canSeeSphere(facts(who, "none", visibility))).toBe(visible);
    expect(sphereAbilities(facts(who, "none", visibility))["sphere.read"]).toBe(visible);
  });

  it.each<SphereVisibility>(["secret", "private", "open", "public"])("every member sees a %s sphere they belong to", (visibility) => {
    for (const who of ["member", "guest"] as const) expect(canSeeSphere(facts(who, "member", visibility))).toBe(true);
  });
});

describe("sphere policy: a public sphere, role × action (readable without an account, members list excepted)", () => {
  it.each<[Who, InSphere, boolean, SpherePermission[]]>([
    // who, sphere role, archived, granted
    ["anonymous", "none", false, ["sphere.read"]],
    ["anonymous", "none", true, ["sphere.read"]],
    ["outsider", "none", false, ["sphere.read"]],
    ["outsider", "none", true, ["sphere.read"]],
    // A sphere membership left behind by someone who left the association grants nothing more.
    ["outsider", "member", false, ["sphere.read"]],
    ["outsider", "manager", false, ["sphere.read"]],
    ["guest", "none", false, ["sphere.read"]],
    ["member", "none", false, ["sphere.read", "sphere.join"]],
    ["member", "member", false, memberSet],
    ["member", "manager", false, managerSet],
    ["admin", "none", false, [...manageAll, "sphere.join"]],
  ])("%s with sphere role %s (archived: %s) is granted exactly %j", (who, inSphere, archived, expected) => {
    expect(granted(facts(who, inSphere, "public", archived))).toEqual([...new Set(expected)].sort());
  });

  it.each<Who>(["anonymous", "outsider", "guest", "member"])("%s, not in the sphere, may not see who its members are", (who) => {
    expect(sphereAbilities(facts(who, "none", "public"))["sphereMember.list"]).toBe(false);
  });
});

describe("sphere policy: what the directory of an association lists", () => {
  it.each<[Who, boolean, SphereDirectoryScope]>([
    // who, asking for "my spheres" only, scope
    ["anonymous", false, "public"],
    ["anonymous", true, "none"],
    ["outsider", false, "public"],
    ["outsider", true, "none"],
    ["guest", false, "mineOrPublic"],
    ["guest", true, "mine"],
    ["member", false, "visible"],
    ["member", true, "mine"],
    ["admin", false, "all"],
    ["admin", true, "mine"],
    ["owner", false, "all"],
    ["instanceAdmin", false, "all"],
  ])("%s (mine only: %s) gets the %s scope", (who, mineOnly, scope) => {
    expect(sphereDirectoryScope(facts(who, "none"), mineOnly)).toBe(scope);
  });

  /** The spheres a scope lets through, as the repository's SQL filters them (scope × visibility × membership). */
  const listed = (scope: SphereDirectoryScope, visibility: SphereVisibility, isMember: boolean): boolean =>
    scope === "all" ||
    (scope === "visible" && (visibility !== "secret" || isMember)) ||
    (scope === "mineOrPublic" && (visibility === "public" || isMember)) ||
    (scope === "public" && visibility === "public") ||
    (scope === "mine" && isMember);

  it.each<[Who, InSphere]>([
    ["anonymous", "none"],
    ["outsider", "none"],
    ["outsider", "member"],
    ["guest", "none"],
    ["guest", "member"],
    ["member", "none"],
    ["member", "member"],
    ["admin", "none"],
  ])("lists for %s (sphere role %s) exactly the spheres the policy lets them see", (who, inSphere) => {
    for (const visibility of ["secret", "private", "open", "public"] as const) {
      const f = facts(who, inSphere, visibility);
      // Outside the association, a sphere membership left behind counts for nothing (the SQL ignores it too).
      const isMember = inSphere !== "none" && f.associationRole !== null;
      expect({ visibility, listed: listed(sphereDirectoryScope(f, false), visibility, isMember) }).toEqual({ visibility, listed: canSeeSphere(f) });
    }
  });
});

describe("sphere policy: joining, by visibility (not a member of it)", () => {
  it.each<[Who, SphereVisibility, boolean, boolean]>([
    // who, visibility, sphere.join, sphere.requestJoin
    ["member", "open", true, false],
    ["member", "public", true, false],
    ["member", "private", false, true],
    ["member", "secret", false, false],
    ["admin", "secret", true, false],
    ["admin", "private", true, false],
    ["owner", "open", true, false],
    ["guest", "open", false, false],
    ["guest", "public", false, false],
    ["outsider", "public", false, false],
    ["anonymous", "public", false, false],
  ])("%s and a %s sphere: join=%s, requestJoin=%s", (who, visibility, join, request) => {
    const abilities = sphereAbilities(facts(who, "none", visibility));
    expect(abilities["sphere.join"]).toBe(join);
    expect(abilities["sphere.requestJoin"]).toBe(request);
  });

  it("a member of a sphere neither joins nor asks again", () => {
    const abilities = sphereAbilities(facts("member", "member", "open"));
    expect(abilities["sphere.join"]).toBe(false);
    expect(abilities["sphere.requestJoin"]).toBe(false);
  });
});

describe("sphere policy: archived spheres are read-only", () => {
  it.each<[Who, InSphere, SpherePermission[]]>([
    ["owner", "none", ["sphere.read", "sphereMember.list", "sphere.archive", "sphere.delete"]],
    ["admin", "manager", ["sphere.read", "sphereMember.list", "sphere.leave", "sphere.archive", "sphere.delete"]],
    ["member", "manager", ["sphere.read", "sphereMember.list", "sphere.leave"]],
    ["member", "moderator", ["sphere.read", "sphereMember.list", "sphere.leave"]],
    ["member", "member", ["sphere.read", "sphereMember.list", "sphere.leave"]],
    ["member", "none", ["sphere.read"]],
    ["guest", "guest", ["sphere.read", "sphereMember.list", "sphere.leave"]],
    ["guest", "none", []],
  ])("%s with sphere role %s may only %j", (who, inSphere, expected) => {
    expect(granted(facts(who, inSphere, "open", true))).toEqual([...expected].sort());
  });
});

describe("sphere policy: appointing and removing", () => {
  const roles: Array<SphereRole | null> = [null, "guest", "member", "moderator", "manager"];
  const targets: SphereRole[] = ["guest", "member", "moderator", "manager"];
  /** Which "from>to" role changes each kind of actor may make ("none" = adding someone). */
  const cases: Array<[string, SphereFacts, string[]]> = [
    ["an association admin", facts("admin", "none"), roles.flatMap((f) => targets.map((t) => `${f ?? "none"}>${t}`))],
    [
      "a sphere manager",
      facts("member", "manager"),
      roles.filter((f) => f !== "manager").flatMap((f) => targets.filter((t) => t !== "manager").map((t) => `${f ?? "none"}>${t}`)),
    ],
    ["a moderator", facts("member", "moderator"), []],
    ["a member", facts("member", "member"), []],
    ["a manager of an archived sphere", facts("member", "manager", "open", true), []],
  ];
  it.each(cases.flatMap(([label, f, allowed]) => roles.flatMap((from) => targets.map((to): [string, string, boolean, SphereFacts] => {
    const t = `${from ?? "none"}>${to}`;
    return [label, t, allowed.includes(t), f];
  }))))("%s assigning %s: %s", (_label, transition, expected, f) => {
    const [from, to] = transition.split(">") as [string, SphereRole];
    expect(canAssignSphereRole(sphereAbilities(f), from === "none" ? null : (from as SphereRole), to)).toBe(expected);
  });

  const removable: Array<[string, SphereFacts, SphereRole[]]> = [
    ["an association admin", facts("admin", "none"), ["guest", "member", "moderator", "manager"]],
    ["a sphere manager", facts("member", "manager"), ["guest", "member", "moderator"]],
    ["a moderator", facts("member", "moderator"), []],
    ["a member", facts("member", "member"), []],
  ];
  it.each(removable.flatMap(([label, f, allowed]) => targets.map((t): [string, SphereRole, boolean, SphereFacts] => [label, t, allowed.includes(t), f])))(
    "%s removing a %s: %s",
    (_label, target, expected, f) => {
      expect(canRemoveSphereMember(sphereAbilities(f), target)).toBe(expected);
    },
  );
});
