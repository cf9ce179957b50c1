// Concurrent writes in one association, on PostgreSQL, through the HTTP API: joins, join-request decisions and
// invitation accepts from 8 workers at once must all succeed (no 5xx: no deadlock reaches a client) and leave a
// consistent state. Needs PostgreSQL (DATABASE_URL's server, or 127.0.0.1:5432): when it is unreachable this test
// FAILS, it never skips — the embedded database runs one statement at a time and cannot show these races.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../test/test-app.js";
import { createAssociation, createMember, createSphere, createUser, type TestAssociation } from "../test/factories.js";

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const WORKERS = 8;
// Rounds per worker. Before the lock order was fixed (docs/ARCHITECTURE.md, "Transactions and locks"), a run of this
// size met dozens of "deadlock detected" (500) every time; preparation included, it stays well under a minute.
const ROUNDS = 20;

type Operation = "join" | "request" | "accept";

interface Outcome {
  operation: Operation;
  step: string;
  status: number;
  message?: string;
}

describe("concurrent writes in one association (PostgreSQL, 8 workers)", () => {
  let t: TestApp;
  let asso: TestAssociation;
  let open: { id: string };
  let closed: { id: string; managerId: string };
  let manager: TestClient;
  let inviteToOpen: string;
  let inviteToClosed: string;

  beforeAll(async () => {
    // A fresh database on the PostgreSQL server, a connection per worker; many accepts from one address: the per-IP
    // limit is not under test. Errors are logged: if a request ends in a 500, its cause is printed.
    t = await createTestApp({
      DATABASE_URL: serverUrl,
      DATABASE_POOL_SIZE: String(WORKERS + 2),
      AUTH_RATE_LIMIT: "10000",
      LOG_LEVEL: "error",
    });
    expect(t.ctx.config.databaseUrl).toBeTruthy();
    asso = await createAssociation(t.ctx);
    open = await createSphere(t.ctx, asso.id, { visibility: "open" });
    closed = await createSphere(t.ctx, asso.id, { visibility: "private" });
    manager = await t.client().signInAs(closed.managerId);
    const owner = await t.client().signInAs(asso.ownerId);
    const link = async (sphereId: string) => {
      const res = await owner.post(`/api/v1/associations/${asso.id}/invitations/links`, { sphereId, maxUses: 10_000, expiresInDays: 7 });
      expect(res.status).toBe(200);
      return new URL(res.body.url).pathname.split("/").pop()!;
    };
    inviteToOpen = await link(open.id);
    inviteToClosed = await link(closed.id);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it("joins, decisions and invitation accepts all succeed and leave counts equal to the rows", async () => {
    // Everyone acting is prepared beforehand (one fresh person per action), so the concurrent phase only writes.
    const plan = await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        const steps: Array<{ operation: Operation; client: TestClient; userId: string; token?: string }> = [];
        for (let round = 0; round < ROUNDS; round++) {
          const operation = (["join", "request", "accept"] as const)[(worker + round) % 3]!;
          const user = operation === "accept" ? await createUser(t.ctx) : await createMember(t.ctx, asso.id, "member");
          const token = round % 2 === 0 ? inviteToOpen : inviteToClosed;
          steps.push({ operation, client: await t.client().signInAs(user.id), userId: user.id, token });
        }
        return steps;
      }),
    );

    const outcomes: Outcome[] = [];
    const record = (operation: Operation, step: string, res: { status: number; body: unknown }) => {
      const message = (res.body as { error?: { message?: string } } | null)?.error?.message;
      outcomes.push({ operation, step, status: res.status, ...(message ? { message } : {}) });
      return res;
    };
    const joined = new Set<string>();
    const approved = new Set<string>();
    const accepted: Array<{ userId: string; sphereId: string }> = [];

    await Promise.all(
      plan.map(async (steps) => {
        for (const step of steps) {
          if (step.operation === "join") {
            const res = record("join", "join", await step.client.post(`/api/v1/associations/${asso.id}/spheres/${open.id}/join`));
            if (res.status === 200) joined.add(step.userId);
          } else if (step.operation === "request") {
            const base = `/api/v1/associations/${asso.id}/spheres/${closed.id}/join-requests`;
            const req = record("request", "ask", await step.client.post(base, { message: "Bonjour !" }));
            if (req.status !== 200) continue;
            const id = (req.body as { id: string }).id;
            const res = record("request", "approve", await manager.post(`${base}/${id}/decision`, { decision: "approve" }));
            if (res.status === 200) approved.add(step.userId);
          } else {
            const res = record("accept", "accept", await step.client.post(`/api/v1/invitations/${step.token}/accept`, {}));
            if (res.status === 200) accepted.push({ userId: step.userId, sphereId: step.token === inviteToOpen ? open.id : closed.id });
          }
        }
      }),
    );

    // No 5xx, and in fact no refusal at all: every action here is allowed and made once.
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(WORKERS * ROUNDS);

    // The stored state agrees with what was answered, and the counts with the rows.
    const counts = await t.ctx.db.execute<{ id: string; member_count: number; rows: number }>(sql`
      SELECT s.id, s.member_count, (SELECT count(*)::int FROM sphere_members m WHERE m.sphere_id = s.id) AS rows
      FROM spheres s WHERE s.association_id = ${asso.id}`);
    for (const row of counts.rows) expect(row.member_count, `member_count of sphere ${row.id}`).toBe(row.rows);
    const members = async (sphereId: string) =>
      new Set(
        (await t.ctx.db.execute<{ user_id: string }>(sql`SELECT user_id FROM sphere_members WHERE sphere_id = ${sphereId}`)).rows.map(
          (r) => r.user_id,
        ),
      );
    const inOpen = await members(open.id);
    const inClosed = await members(closed.id);
    for (const userId of joined) expect(inOpen.has(userId)).toBe(true);
    for (const userId of approved) expect(inClosed.has(userId)).toBe(true);
    for (const a of accepted) expect((a.sphereId === open.id ? inOpen : inClosed).has(a.userId)).toBe(true);
    const associationMembers = (
      await t.ctx.db.execute<{ user_id: string }>(sql`SELECT user_id FROM association_members WHERE association_id = ${asso.id}`)
    ).rows.map((r) => r.user_id);
    for (const a of accepted) expect(associationMembers).toContain(a.userId);
    const uses = await t.ctx.db.execute<{ used: number }>(
      sql`SELECT coalesce(sum(use_count), 0)::int AS used FROM invitations WHERE association_id = ${asso.id}`,
    );
    expect(uses.rows[0]!.used).toBe(accepted.length);
    const pendingOfMembers = await t.ctx.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM sphere_join_requests r
      JOIN sphere_members m ON m.sphere_id = r.sphere_id AND m.user_id = r.user_id
      WHERE r.association_id = ${asso.id} AND r.status = 'pending'`);
    expect(pendingOfMembers.rows[0]!.n).toBe(0);
  }, 120_000);
});
