import { describe, expect, it } from "vitest";
import { associationPermissions, type AssociationPermission, type AssociationRole, type SphereCreationPolicy } from "@trame/contracts";
import {
  associationAbilities,
  canChangeAssociationRole,
  canRemoveAssociationMember,
  type AssociationFacts,
} from "./associations.policy.js";

type Who = AssociationRole | "outsider" | "instanceAdmin";
const everyone: Who[] = ["owner", "admin", "member", "guest", "outsider", "instanceAdmin"];

const facts = (who: Who, sphereCreationPolicy: SphereCreationPolicy = "request"): AssociationFacts => ({
  isInstanceAdmin: who === "instanceAdmin",
  role: who === "outsider" || who === "instanceAdmin" ? null : who,
  sphereCreationPolicy,
});

const granted = (who: Who, policy?: SphereCreationPolicy) =>
  associationPermissions.filter((p) => associationAbilities(facts(who, policy))[p]).sort();

const adminSet: AssociationPermission[] = associationPermissions.filter((p) => p !== "association.delete" && p !== "sphere.requestCreation");

describe("association policy: role × permission (sphere creation policy 'request')", () => {
  it.each<[Who, AssociationPermission[]]>([
    ["owner", [...adminSet, "association.delete"]],
    ["admin", adminSet],
    // Instance administrators act as owners of every association (to repair one whose owner left).
    ["instanceAdmin", [...adminSet, "association.delete"]],
    ["member", ["association.read", "associationMember.list", "sphere.list", "sphere.requestCreation"]],
    ["guest", ["association.read"]],
    ["outsider", []],
  ])("%s is granted exactly %j", (who, expected) => {
    expect(granted(who, "request")).toEqual([...expected].sort());
  });
});

describe("association policy: sphere creation governance", () => {
  it.each<[Who, SphereCreationPolicy, boolean, boolean]>([
    // who, policy, sphere.create, sphere.requestCreation
    ["owner", "admins", true, false],
    ["owner", "request", true, false],
    ["owner", "members", true, false],
    ["admin", "admins", true, false],
    ["admin", "request", true, false],
    ["admin", "members", true, false],
    ["instanceAdmin", "admins", true, false],
    ["member", "admins", false, false],
    ["member", "request", false, true],
    ["member", "members", true, false],
    ["guest", "admins", false, false],
    ["guest", "request", false, false],
    ["guest", "members", false, false],
    ["outsider", "members", false, false],
  ])("%s under '%s': create=%s, request=%s", (who, policy, create, request) => {
    const abilities = associationAbilities(facts(who, policy));
    expect(abilities["sphere.create"]).toBe(create);
    expect(abilities["sphere.requestCreation"]).toBe(request);
  });
});

describe("association policy: changing roles and removing members", () => {
  const roles: AssociationRole[] = ["owner", "admin", "member", "guest"];
  const allTransitions = roles.flatMap((from) => roles.map((to) => `${from}>${to}`));
  const nonOwnerTransitions = [
    "admin>admin", "admin>member", "admin>guest",
    "member>admin", "member>member", "member>guest",
    "guest>admin", "guest>member", "guest>guest",
  ];
  /** Which "from>to" changes each actor may make: owners all; admins all but those touching ownership. */
  const allowed: Record<Who, string[]> = {
    owner: allTransitions,
    instanceAdmin: allTransitions,
    admin: nonOwnerTransitions,
    member: [],
    guest: [],
    outsider: [],
  };
  const cases = everyone.flatMap((actor) =>
    allTransitions.map((t): [Who, string, boolean] => [actor, t, allowed[actor].includes(t)]),
  );

  it.each(cases)("%s changing %s: %s", (actor, transition, expected) => {
    const [from, to] = transition.split(">") as [AssociationRole, AssociationRole];
    expect(canChangeAssociationRole(facts(actor), from, to)).toBe(expected);
  });

  /** Whom each actor may remove. */
  const removable: Record<Who, AssociationRole[]> = {
    owner: ["owner", "admin", "member", "guest"],
    instanceAdmin: ["owner", "admin", "member", "guest"],
    admin: ["admin", "member", "guest"],
    member: [],
    guest: [],
    outsider: [],
  };
  it.each(everyone.flatMap((actor) => roles.map((target): [Who, AssociationRole, boolean] => [actor, target, removable[actor].includes(target)])))(
    "%s removing a(n) %s: %s",
    (actor, target, expected) => {
      expect(canRemoveAssociationMember(facts(actor), target)).toBe(expected);
    },
  );
});
