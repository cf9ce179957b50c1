import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser, TEST_PASSWORD } from "../../test/factories.js";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../../platform/http/request-actor.js";
import { listenForSockets, TestSocket } from "../../platform/realtime/realtime.test-helpers.js";
import { completePasswordReset, requestPasswordReset, resetPasswordByEmail } from "./accounts.service.js";
import { findLastMailTo, tokenOfMail } from "./accounts.test-helpers.js";
import { openSession } from "./sessions.service.js";
import { purgeAccountsLeftovers } from "./accounts.jobs.js";
import { sessions } from "./accounts.tables.js";
import { hashToken } from "./session-tokens.js";

const NEW_PASSWORD = "Une-Autre-Phrase-Solide-42";

// A closed session's WebSockets are closed with it (4401), on the real application and database; the sockets of
// the sessions that stay open keep being served.
describe("WebSockets of closed sessions", () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    url = await listenForSockets(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** One signed-in browser: its session, an open socket, and requests sent with its cookies. */
  async function browser(userId: string) {
    const { token, csrfToken } = await openSession(t.ctx, userId, { userAgent: "vitest", ip: "127.0.0.1" });
    const cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfToken}`;
    const socket = await TestSocket.open(url, { cookie });
    await socket.next((m) => m.type === "subscribed" && m.room === `user:${userId}`);
    const send = async (method: "POST" | "DELETE", path: string, body?: object) => {
      const res = await t.app.inject({ method, url: path, headers: { cookie, [CSRF_HEADER]: csrfToken }, ...(body ? { payload: body } : {}) });
      return { status: res.statusCode, body: res.json() as Record<string, unknown> };
    };
    return { sessionId: hashToken(token), socket, send };
  }

  /** Still open and served: an event of the user's room reaches it (after any close that was on its way). */
  async function expectServed(userId: string, ...sockets: TestSocket[]) {
    const associationId = randomUUID();
    t.ctx.events.emit("associationMembership.changed", { associationId, userId, role: "member" });
    for (const socket of sockets) await socket.next((m) => m.type === "associationMembership.changed" && m.data?.associationId === associationId);
  }

  it("the purge of expired sessions closes their sockets and keeps the live ones", async () => {
    const user = await createUser(t.ctx);
    const expired = await browser(user.id);
    const live = await browser(user.id);
    await t.ctx.db.update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(sessions.id, expired.sessionId));
    await purgeAccountsLeftovers(t.ctx);
    expect((await expired.socket.closed).code).toBe(4401);
    await expectServed(user.id, live.socket);
    live.socket.close();
  });

  it("signing out closes that session's socket, not the socket of another session of the same person", async () => {
    const user = await createUser(t.ctx);
    const leaving = await browser(user.id);
    const staying = await browser(user.id);
    expect(await leaving.send("POST", "/api/v1/auth/sign-out")).toEqual({ status: 200, body: { ok: true } });
    expect(await leaving.socket.closed).toEqual({ code: 4401, reason: "session ended" });
    await expectServed(user.id, staying.socket);
    staying.socket.close();
  });

  it("signing out one of one's sessions from the list closes its socket only", async () => {
    const user = await createUser(t.ctx);
    const here = await browser(user.id);
    const there = await browser(user.id);
    expect((await here.send("DELETE", `/api/v1/me/sessions/${there.sessionId}`)).status).toBe(200);
    expect((await there.socket.closed).code).toBe(4401);
    await expectServed(user.id, here.socket);
    here.socket.close();
  });

  it("signing out the other sessions closes their sockets and keeps the current one", async () => {
    const user = await createUser(t.ctx);
    const stranger = await createUser(t.ctx);
    const current = await browser(user.id);
    const others = [await browser(user.id), await browser(user.id)];
    const strangers = await browser(stranger.id);
    expect(await current.send("POST", "/api/v1/me/sessions/sign-out-others")).toEqual({ status: 200, body: { signedOut: 2 } });
    for (const other of others) expect((await other.socket.closed).code).toBe(4401);
    await expectServed(user.id, current.socket);
    await expectServed(stranger.id, strangers.socket);
    current.socket.close();
    strangers.socket.close();
  });

  it("changing one's password closes the sockets of the other sessions and keeps the current one", async () => {
    const user = await createUser(t.ctx, { password: TEST_PASSWORD });
    const current = await browser(user.id);
    const other = await browser(user.id);
    const res = await current.send("POST", "/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect((await other.socket.closed).code).toBe(4401);
    await expectServed(user.id, current.socket);
    current.socket.close();
  });

  it("completing a password reset closes the sockets of every earlier session", async () => {
    const user = await createUser(t.ctx, { password: TEST_PASSWORD });
    const earlier = [await browser(user.id), await browser(user.id)];
    await requestPasswordReset(t.ctx, user.email);
    const token = tokenOfMail((await findLastMailTo(t.ctx, user.email))!.text);
    await completePasswordReset(t.ctx, { token, password: NEW_PASSWORD }, { userAgent: null, ip: null }, null);
    for (const b of earlier) expect((await b.socket.closed).code).toBe(4401);
  });

  it("an administrator's password reset (CLI) closes the sockets of every session of the account", async () => {
    const user = await createUser(t.ctx, { password: TEST_PASSWORD });
    const other = await createUser(t.ctx);
    const sessions = [await browser(user.id), await browser(user.id)];
    const untouched = await browser(other.id);
    await resetPasswordByEmail(t.ctx, user.email, NEW_PASSWORD);
    for (const b of sessions) expect((await b.socket.closed).code).toBe(4401);
    await expectServed(other.id, untouched.socket);
    untouched.socket.close();
  });
});
