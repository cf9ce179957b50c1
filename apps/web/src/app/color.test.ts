import { describe, expect, it } from "vitest";
import { contrastRatio, darken, parseHex, readableOn, tint } from "./color";

describe("colour contrast (WCAG)", () => {
  it("measures black on white as 21:1 and a colour on itself as 1:1", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1d4ed8", "#1d4ed8")).toBeCloseTo(1, 5);
  });

  it("keeps a colour that is already readable on white", () => {
    const result = readableOn("#1d4ed8");
    expect(result).toMatchObject({ color: "#1d4ed8", adjusted: false });
    expect(result.ratio).toBeGreaterThanOrEqual(4.5);
  });

  it("darkens a light colour until white text on it reaches 4.5:1, keeping its hue", () => {
    const result = readableOn("#7dd3fc");
    expect(result.adjusted).toBe(true);
    expect(contrastRatio(result.color, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    const original = parseHex("#7dd3fc")!;
    const darker = parseHex(result.color)!;
    expect(darker.b).toBeGreaterThan(darker.r);
    expect(darker.b).toBeLessThan(original.b);
  });

  it("falls back to the default blue for something that is not a colour", () => {
    expect(readableOn("blue").adjusted).toBe(true);
    expect(parseHex("blue")).toBeNull();
  });

  it("darkens and tints", () => {
    expect(darken("#ffffff", 0.5)).toBe("#808080");
    expect(tint("#000000", 0.5)).toBe("#808080");
  });
});
