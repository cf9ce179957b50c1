import { describe, expect, it } from "vitest";
import { evaluatePassword } from "./password-policy.js";

describe("password policy (CNIL)", () => {
  it.each([
    ["short1A!", false],
    ["abcdefghijkl", false],
    ["aaaaaaaaaaA1!", false],
    ["Correct-Horse-Battery-9", true],
    ["Tr0ub4dor&3xY", true],
    ["le chat dort sur le canapé rouge du salon", true],
  ])("judges %j acceptable: %s", (password, acceptable) => {
    expect(evaluatePassword(password).acceptable).toBe(acceptable);
  });

  it("grows the meter with the password", () => {
    expect(evaluatePassword("abc").strength).toBeLessThan(evaluatePassword("Correct-Horse-Battery-9").strength);
  });
});
