import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser, TEST_PASSWORD } from "../../test/factories.js";
import { consumeMagicLink, signInWithPassword } from "./accounts.service.js";
import { issueEmailLink } from "./accounts.test-helpers.js";

const NEW_PASSWORD = "Encore-Une-Phrase-77?";

describe("my account routes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("PATCH /me", () => {
    it("goes 401 → 400 → 200, and answers the updated Me", async () => {
      const user = await createUser(t.ctx, { displayName: "Avant", language: "fr" });
      const anonymous = await t.client().patch("/api/v1/me", { displayName: "Après" });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe("UNAUTHENTICATED");

      const c = await t.client().signInAs(user.id);
      const invalid = await c.patch("/api/v1/me", { language: "de" });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.code).toBe("VALIDATION_FAILED");
      const blank = await c.patch("/api/v1/me", { displayName: "   " });
      expect(blank.status).toBe(400);
      const unknownField = await c.patch("/api/v1/me", { isInstanceAdmin: true });
      expect(unknownField.status).toBe(400);

      const res = await c.patch("/api/v1/me", { displayName: "  Après  ", language: "en" });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, displayName: "Après", language: "en", isInstanceAdmin: false });
      expect((await c.get("/api/v1/session")).body.user.language).toBe("en");
    });
  });

  describe("POST /me/password", () => {
    it("goes 401 → 400 (current password missing or wrong, weak new one) → 200, and signs out the other sessions", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      expect((await t.client().post("/api/v1/me/password", { newPassword: NEW_PASSWORD })).status).toBe(401);

      const c = await t.client().signInAs(user.id);
      const other = await t.client().signInAs(user.id);
      const missing = await c.post("/api/v1/me/password", { newPassword: NEW_PASSWORD });
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields).toEqual([{ path: "currentPassword", message: "required" }]);
      const wrong = await c.post("/api/v1/me/password", { currentPassword: "Not-The-Password-1", newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields).toEqual([{ path: "currentPassword", message: "incorrect" }]);
      const weak = await c.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: "abc" });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe("WEAK_PASSWORD");

      const res = await c.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      expect((await c.get("/api/v1/session")).body.user.id).toBe(user.id);
      expect((await other.get("/api/v1/session")).body.user).toBeNull();
      await expect(signInWithPassword(t.ctx, { email: user.email, password: NEW_PASSWORD }, { userAgent: null, ip: null }, null)).resolves.toMatchObject({
        user: { id: user.id },
      });
    });

    it("spends the account's outstanding sign-in and reset links", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const link = await issueEmailLink(t.ctx, user.id, "sign_in");
      const reset = await issueEmailLink(t.ctx, user.id, "password_reset");
      const c = await t.client().signInAs(user.id);
      expect((await c.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);

      await expect(consumeMagicLink(t.ctx, link, { userAgent: null, ip: null }, null)).rejects.toMatchObject({ code: "TOKEN_INVALID" });
      const completed = await t.client().post("/api/v1/auth/password-reset/complete", { token: reset, password: "Une-Troisieme-Phrase-3!" });
      expect(completed.body.error.code).toBe("TOKEN_INVALID");
    });

    it("sets a first password without asking for a current one when the account has none", async () => {
      const user = await createUser(t.ctx);
      const c = await t.client().signInAs(user.id);
      const res = await c.post("/api/v1/me/password", { newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect((await c.get("/api/v1/session")).body.user.hasPassword).toBe(true);
    });
  });

  describe("sessions", () => {
    it("lists one's own sessions page by page, flags the current one, and never shows another person's", async () => {
      const user = await createUser(t.ctx);
      const stranger = await createUser(t.ctx);
      await t.client().signInAs(stranger.id);
      const c = await t.client().signInAs(user.id);
      for (let i = 0; i < 4; i++) await t.client().signInAs(user.id);

      expect((await t.client().get("/api/v1/me/sessions")).status).toBe(401);
      expect((await c.get("/api/v1/me/sessions?limit=0")).status).toBe(400);
      expect((await c.get("/api/v1/me/sessions?limit=101")).status).toBe(400);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/me/sessions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const res = await c.get(url);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((s: { id: string }) => s.id));
        for (const s of res.body.items) expect(s).toMatchObject({ userAgent: "vitest", ip: "127.0.0.1" });
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);

      const all = await c.get("/api/v1/me/sessions?limit=100");
      const current = all.body.items.filter((s: { isCurrent: boolean }) => s.isCurrent);
      expect(current).toHaveLength(1);

      // A tampered cursor restarts the list instead of failing.
      const tampered = await c.get("/api/v1/me/sessions?cursor=bm90LWEtY3Vyc29y");
      expect(tampered.status).toBe(200);
    });

    it("signs out one of one's sessions; another person's session answers NOT_FOUND", async () => {
      const user = await createUser(t.ctx);
      const stranger = await createUser(t.ctx);
      const strangerClient = await t.client().signInAs(stranger.id);
      const strangerSessions = await strangerClient.get("/api/v1/me/sessions");
      const strangerSessionId = strangerSessions.body.items[0].id as string;

      const c = await t.client().signInAs(user.id);
      const other = await t.client().signInAs(user.id);
      const list = await c.get("/api/v1/me/sessions");
      const otherId = list.body.items.find((s: { isCurrent: boolean }) => !s.isCurrent).id as string;

      expect((await t.client().delete(`/api/v1/me/sessions/${encodeURIComponent(otherId)}`)).status).toBe(401);
      const foreign = await c.delete(`/api/v1/me/sessions/${encodeURIComponent(strangerSessionId)}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe("NOT_FOUND");
      expect((await strangerClient.get("/api/v1/session")).body.user.id).toBe(stranger.id);

      const res = await c.delete(`/api/v1/me/sessions/${encodeURIComponent(otherId)}`);
      expect(res.status).toBe(200);
      expect((await other.get("/api/v1/session")).body.user).toBeNull();
      expect((await c.delete(`/api/v1/me/sessions/${encodeURIComponent(otherId)}`)).status).toBe(404);
    });

    it("signs out every other session at once and says how many", async () => {
      const user = await createUser(t.ctx);
      const c = await t.client().signInAs(user.id);
      const others = [await t.client().signInAs(user.id), await t.client().signInAs(user.id)];
      expect((await t.client().post("/api/v1/me/sessions/sign-out-others")).status).toBe(401);
      const res = await c.post("/api/v1/me/sessions/sign-out-others");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ signedOut: 2 });
      for (const o of others) expect((await o.get("/api/v1/session")).body.user).toBeNull();
      expect((await c.get("/api/v1/session")).body.user.id).toBe(user.id);
    });
  });
});
