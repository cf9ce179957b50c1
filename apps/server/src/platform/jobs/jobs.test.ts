import { randomUUID } from "node:crypto";
import pino from "pino";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { PgBossJobs, type JobRun } from "./jobs.js";

const logger = pino({ level: "silent" });

/** Resolves when `check` holds, polling; fails the test after `ms`. */
async function eventually(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("jobs (pg-boss on the application database)", () => {
  let t: TestApp;
  const opened: PgBossJobs[] = [];
  const node = () => {
    const jobs = new PgBossJobs(t.ctx.database, logger);
    opened.push(jobs);
    return jobs;
  };
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    for (const jobs of opened.splice(0)) await jobs.stop();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("runs a registered handler with the data sent", async () => {
    const jobs = node();
    const received: { n: number }[] = [];
    jobs.register<{ n: number }>("test.echo", async (data) => {
      received.push(data);
    });
    await jobs.start();
    expect(jobs.isWorking).toBe(true);
    await jobs.send("test.echo", { n: 1 });
    await jobs.send("test.echo", { n: 2 });
    await eventually(() => received.length === 2);
    expect(received.map((d) => d.n).sort()).toEqual([1, 2]);
  });

  it("retries a failing handler and tells it which attempt is the last", async () => {
    const jobs = node();
    const runs: JobRun[] = [];
    jobs.register(
      "test.flaky",
      async (_data, run) => {
        runs.push(run);
        if (!run.isLastAttempt) throw new Error("not yet");
      },
      { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false },
    );
    await jobs.start();
    await jobs.send("test.flaky", {});
    await eventually(() => runs.length === 3, 30_000);
    expect(runs.map((r) => [r.attempt, r.isLastAttempt])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it("lets a node that does not run jobs send them to a node that does; one id is one job", async () => {
    const handled: string[] = [];
    const register = (jobs: PgBossJobs) =>
      jobs.register<{ tag: string }>("test.handoff", async (data) => {
        handled.push(data.tag);
      });
    const httpOnly = node();
    register(httpOnly);
    const id = randomUUID();
    await httpOnly.send("test.handoff", { tag: "first" }, { id });
    await httpOnly.send("test.handoff", { tag: "duplicate" }, { id });
    expect(httpOnly.isWorking).toBe(false);

    const worker = node();
    register(worker);
    await worker.start();
    await eventually(() => handled.length >= 1);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(handled).toEqual(["first"]);
  });

  it("records schedules when a working node starts, and refuses a schedule without a handler", async () => {
    const jobs = node();
    jobs.register("test.hourly", async () => {});
    jobs.schedule("test.hourly", "5 * * * *");
    expect(() => jobs.schedule("test.nothing", "* * * * *")).toThrow(/no handler/);
    await jobs.start();
    const rows = await t.ctx.db.execute<{ name: string; cron: string }>(sql`SELECT name, cron FROM pgboss.schedule WHERE name = 'test.hourly'`);
    expect(rows.rows).toEqual([{ name: "test.hourly", cron: "5 * * * *" }]);
    expect(() => jobs.register("test.late", async () => {})).toThrow(/after the job system started/);
  });

  it("runs a job once after a working node starts when asked to (catch-up after a restart)", async () => {
    let runs = 0;
    const jobs = node();
    jobs.register("test.catch-up", async () => {
      runs++;
    });
    jobs.runAfterStart("test.catch-up", 0);
    expect(() => jobs.runAfterStart("test.nothing", 0)).toThrow(/no handler/);
    await jobs.start();
    await eventually(() => runs === 1);
  });
});
