import { describe, expect, it } from "vitest";
import { printPhase, timedPhase } from "./startup-phases.js";

describe("phases of a start", () => {
  it("reports a phase once it ends, with its duration, and passes its result through", async () => {
    const reported: [string, number][] = [];
    const result = await timedPhase((phase, ms) => reported.push([phase, ms]), "migrations", async () => 42);
    expect(result).toBe(42);
    expect(reported).toHaveLength(1);
    expect(reported[0]![0]).toBe("migrations");
    expect(reported[0]![1]).toBeGreaterThanOrEqual(0);
  });

  it("reports a phase that failed too, and lets its error through", async () => {
    const reported: string[] = [];
    await expect(timedPhase((phase) => reported.push(phase), "open embedded database", async () => Promise.reject(new Error("locked")))).rejects.toThrow("locked");
    expect(reported).toEqual(["open embedded database"]);
  });

  it("prints one aligned line per phase, in seconds", () => {
    const lines: string[] = [];
    const report = printPhase((line) => lines.push(line));
    report("migrations", 1234);
    report("demo: Trame Bretagne, 15 members", 56);
    expect(lines[0]).toMatch(/^ {2}migrations \.+ 1\.23 s$/);
    expect(lines[1]).toMatch(/^ {2}demo: Trame Bretagne, 15 members \.* ?0\.06 s$/);
  });
});
