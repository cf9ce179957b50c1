import { describe, expect, it } from "vitest";
import { parseEmailList } from "./email-list.js";

describe("parseEmailList", () => {
  it("splits on commas, semicolons, spaces and new lines", () => {
    const parsed = parseEmailList("a@example.fr, b@example.fr;c@example.fr\nd@example.fr\te@example.fr  f@example.fr");
    expect(parsed.emails).toEqual(["a", "b", "c", "d", "e", "f"].map((l) => `${l}@example.fr`));
    expect(parsed.skipped).toEqual([]);
  });

  it("reports invalid entries and duplicates whatever their case", () => {
    const parsed = parseEmailList("jeanne@example.fr; pas-une-adresse, JEANNE@example.fr\n@nope");
    expect(parsed.emails).toEqual(["jeanne@example.fr"]);
    expect(parsed.skipped).toEqual([
      { value: "pas-une-adresse", reason: "invalid" },
      { value: "JEANNE@example.fr", reason: "duplicate" },
      { value: "@nope", reason: "invalid" },
    ]);
  });

  it("keeps the address of entries pasted from an address book", () => {
    const parsed = parseEmailList('Jeanne Martin <jeanne@example.fr>, "Karim B." <karim@example.fr>');
    expect(parsed.emails).toEqual(["jeanne@example.fr", "karim@example.fr"]);
    expect(parsed.skipped).toEqual([]);
  });

  // The longest paste the contract accepts, without any "<": read in linear time, it takes milliseconds (it took
  // over half a minute while the bracket pattern could start anywhere); the timeout is a thousand times that.
  it("reads the longest paste accepted, without brackets, at once", { timeout: 5_000 }, () => {
    const parsed = parseEmailList("a".repeat(99_990) + " b@example.fr");
    expect(parsed.emails).toEqual(["b@example.fr"]);
    expect(parsed.skipped).toHaveLength(1);
  });

  it("returns nothing for an empty paste", () => {
    expect(parseEmailList(" \n ,; ")).toEqual({ emails: [], skipped: [] });
  });
});
