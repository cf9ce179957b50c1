import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/env.js";
import { closeContext, createContext } from "./create-context.js";

// Each test opens an embedded database and applies every migration: slow on a busy machine, hence the time allowed.
describe("starting a node's context", () => {
  it("tells how long each phase of the start took, in order", async () => {
    const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", JOBS_ENABLED: "true" }), databaseUrl: undefined, redisUrl: undefined };
    const phases: { phase: string; ms: number }[] = [];
    const ctx = await createContext(config, { memoryDatabase: true, onPhase: (phase, ms) => phases.push({ phase, ms }) });
    try {
      expect(phases.map((p) => p.phase)).toEqual(["open embedded database", "migrations", "real time", "jobs start"]);
      for (const { ms } of phases) expect(ms).toBeGreaterThanOrEqual(0);
      expect(ctx.jobs.isWorking).toBe(true);
    } finally {
      await closeContext(ctx);
    }
  }, 120_000);

  it("leaves the jobs to the caller when asked to, and reports no such phase", async () => {
    const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", JOBS_ENABLED: "true" }), databaseUrl: undefined, redisUrl: undefined };
    const phases: string[] = [];
    const ctx = await createContext(config, { memoryDatabase: true, startJobs: false, onPhase: (phase) => phases.push(phase) });
    try {
      expect(phases).not.toContain("jobs start");
      expect(ctx.jobs.isWorking).toBe(false);
    } finally {
      await closeContext(ctx);
    }
  }, 120_000);
});
