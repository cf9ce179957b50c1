import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser } from "../../test/factories.js";
import { sessions } from "./accounts.tables.js";
import { openSession, resolveSession } from "./sessions.service.js";
import { hashToken } from "./session-tokens.js";

describe("session expiry", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const read = async (token: string) => {
    const [row] = await t.ctx.db.select().from(sessions).where(eq(sessions.id, hashToken(token)));
    return row!;
  };

  it("slides the expiry of a session used after a minute of rest", async () => {
    const user = await createUser(t.ctx);
    const { token } = await openSession(t.ctx, user.id, { userAgent: null, ip: null });
    await t.ctx.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '2 hours'`, expiresAt: sql`now() + interval '1 day'` })
      .where(eq(sessions.id, hashToken(token)));
    const before = await read(token);
    expect(await resolveSession(t.ctx, token)).not.toBeNull();
    const after = await read(token);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt) + 20 * 86_400_000);
    expect(Date.parse(after.lastSeenAt)).toBeGreaterThan(Date.parse(before.lastSeenAt));
  });

  it("does not rewrite a session used within the last minute", async () => {
    const user = await createUser(t.ctx);
    const { token } = await openSession(t.ctx, user.id, { userAgent: null, ip: null });
    const before = await read(token);
    expect(await resolveSession(t.ctx, token)).not.toBeNull();
    expect(await read(token)).toEqual(before);
  });

  it("refuses an expired session", async () => {
    const user = await createUser(t.ctx);
    const { token } = await openSession(t.ctx, user.id, { userAgent: null, ip: null });
    await t.ctx.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, hashToken(token)));
    expect(await resolveSession(t.ctx, token)).toBeNull();
  });
});
