import { describe, expect, it } from "vitest";
import { isSafeText, isTimeZoneName } from "./text.js";
import { displayNameSchema, textSchema, timeZoneSchema } from "./common.contract.js";
import { searchPageQuerySchema } from "./pagination.contract.js";
import { createAssociationBodySchema, updateAssociationBodySchema } from "../associations/associations.contract.js";
import { setupBodySchema } from "../setup/setup.contract.js";
import { createSphereBodySchema } from "../spheres/spheres.contract.js";

describe("text a person writes", () => {
  it("refuses NUL and unpaired surrogates, keeps every real character", () => {
    expect(["", "Île-de-France", "😀 emoji", "日本語", "\t\n"].every(isSafeText)).toBe(true);
    expect(["\u0000", "a\u0000b", "\ud800", "a\ud800", "\udc00a", "\udc00\ud800", "😀\ud83d"].some(isSafeText)).toBe(false);
  });

  it("is refused by the contracts' text schemas, lists' searches and bodies alike", () => {
    expect(textSchema.safeParse("a\u0000").success).toBe(false);
    expect(displayNameSchema.safeParse("Jeanne\ud800").success).toBe(false);
    expect(searchPageQuerySchema.safeParse({ q: "\u0000" }).success).toBe(false);
    const refused = createSphereBodySchema.safeParse({ name: "Jardin", description: "\u0000" });
    expect(refused.error?.issues[0]?.path).toEqual(["description"]);
    expect(createSphereBodySchema.safeParse({ name: "Jardin 🌱", description: "Potager" }).success).toBe(true);
  });
});

describe("time zones", () => {
  it("accepts the runtime's IANA names, UTC and newer spellings", () => {
    for (const zone of ["Europe/Paris", "America/Argentina/Buenos_Aires", "Pacific/Noumea", "UTC", "Etc/UTC", "Europe/Kyiv"]) {
      expect(isTimeZoneName(zone), zone).toBe(true);
    }
    expect(Intl.supportedValuesOf("timeZone").every(isTimeZoneName)).toBe(true);
  });

  it("refuses anything else: offsets, wrong case, unknown places, text", () => {
    for (const zone of ["", "Paris", "+01:00", "europe/paris", "EUROPE/PARIS", "Mars/Olympus", "Europe/Paris\u0000", "x".repeat(65)]) {
      expect(isTimeZoneName(zone), zone).toBe(false);
    }
  });

  it("is checked in association settings, instance administration and the set-up", () => {
    expect(timeZoneSchema.safeParse("Not a zone").success).toBe(false);
    expect(updateAssociationBodySchema.safeParse({ timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(createAssociationBodySchema.safeParse({ name: "Club", slug: "club", timeZone: "GMT+2" }).success).toBe(false);
    const setup = {
      admin: { email: "admin@example.fr", displayName: "Admin", password: "x" },
      association: { name: "Club", slug: "club", timeZone: "Somewhere" },
    };
    expect(setupBodySchema.safeParse(setup).error?.issues[0]?.path).toEqual(["association", "timeZone"]);
    expect(setupBodySchema.safeParse({ ...setup, association: { name: "Club", slug: "club" } }).data?.association.timeZone).toBe("Europe/Paris");
  });
});
