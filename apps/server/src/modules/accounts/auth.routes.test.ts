import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webRoutes } from "@trame/contracts";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser, TEST_PASSWORD } from "../../test/factories.js";
import { CSRF_COOKIE, SESSION_COOKIE } from "../../platform/http/request-actor.js";
import { outboxMessages } from "../../platform/mail/mail.tables.js";
import { emailTokens, sessions } from "./accounts.tables.js";
import { findLastMailTo, issueEmailLink, tokenOfMail } from "./accounts.test-helpers.js";

const NEW_PASSWORD = "Une-Autre-Phrase-42!";

describe("authentication routes", () => {
  let t: TestApp;
  beforeAll(async () => {
    // A low limit keeps the rate-limit tests short; each test uses its own addresses so counters do not mix.
    t = await createTestApp({ AUTH_RATE_LIMIT: "3", PUBLIC_URL: "https://trame.example.org", TRUST_PROXY: "true" });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A browser on a given IP: its own cookie jar, after the first GET /session that every page load makes. */
  const browser = async (ip = "10.0.0.1") => {
    const c = t.client();
    c.forgetCookie(CSRF_COOKIE);
    const res = await c.request("GET", "/api/v1/session", undefined, { "x-forwarded-for": ip });
    expect(res.status).toBe(200);
    return {
      c,
      post: <T = any>(url: string, body?: unknown) => c.request<T>("POST", url, body, { "x-forwarded-for": ip }),
    };
  };

  describe("GET /session", () => {
    it("answers a signed-out visitor with no user, a CSRF token set as a cookie, and whether set-up is needed", async () => {
      const c = t.client();
      c.forgetCookie(CSRF_COOKIE);
      const res = await c.get("/api/v1/session");
      expect(res.status).toBe(200);
      expect(res.body.user).toBeNull();
      expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(c.csrfToken).toBe(res.body.csrfToken);
      expect(res.body.setupRequired).toBe(true);
      // Asking again keeps the same token (no cookie churn between tabs).
      const again = await c.get("/api/v1/session");
      expect(again.body.csrfToken).toBe(res.body.csrfToken);
    });

    it("answers a signed-in user with their abilities and their session's CSRF token; set-up is no longer required once an admin exists", async () => {
      const admin = await createUser(t.ctx, { isInstanceAdmin: true, language: "en" });
      const c = await t.client().signInAs(admin.id);
      const res = await c.get("/api/v1/session");
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        user: { id: admin.id, email: admin.email, language: "en", isInstanceAdmin: true, hasPassword: false, avatarUrl: null },
        csrfToken: c.csrfToken,
        setupRequired: false,
      });
      expect(res.body.user.abilities).toEqual({
        "instance.manage": true,
        "association.create": true,
        "association.listAll": true,
        "outbox.read": true,
      });
    });
  });

  describe("POST /auth/sign-in", () => {
    it("signs in with the right password, whatever the case of the address, and sets the session cookies", async () => {
      const user = await createUser(t.ctx, { email: "Jeanne.Martin@Example.org", password: TEST_PASSWORD });
      const { c, post } = await browser("10.0.1.1");
      const res = await post("/api/v1/auth/sign-in", { email: "jeanne.martin@example.ORG", password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, hasPassword: true, isInstanceAdmin: false });
      expect(res.body.abilities["outbox.read"]).toBe(false);
      expect(String(res.headers["set-cookie"])).toMatch(/trame_session=.*HttpOnly/);
      const session = await c.get("/api/v1/session");
      expect(session.body.user.id).toBe(user.id);
      expect(session.body.csrfToken).toBe(c.csrfToken);
    });

    it("answers the same INVALID_CREDENTIALS for an unknown address, a wrong password and an account without password", async () => {
      const withPassword = await createUser(t.ctx, { password: TEST_PASSWORD });
      const withoutPassword = await createUser(t.ctx);
      const { post } = await browser("10.0.1.2");
      const answers = [
        await post("/api/v1/auth/sign-in", { email: "nobody-here@example.org", password: TEST_PASSWORD }),
        await post("/api/v1/auth/sign-in", { email: withPassword.email, password: "Wrong-Password-123!" }),
        await post("/api/v1/auth/sign-in", { email: withoutPassword.email, password: TEST_PASSWORD }),
      ];
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.body.error).toEqual({ code: "INVALID_CREDENTIALS", message: answers[0]!.body.error.message });
      }
    });

    it("refuses bad input with VALIDATION_FAILED, malformed JSON included, never a 5xx", async () => {
      const { c, post } = await browser("10.0.1.3");
      const missing = await post("/api/v1/auth/sign-in", { email: "someone@example.org" });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe("VALIDATION_FAILED");
      const unknownField = await post("/api/v1/auth/sign-in", { email: "a@example.org", password: "x", admin: true });
      expect(unknownField.status).toBe(400);
      const malformed = await c.request<any>("POST", "/api/v1/auth/sign-in", undefined, {
        "content-type": "application/json",
        "x-forwarded-for": "10.0.1.3",
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe("VALIDATION_FAILED");
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        headers: { "content-type": "application/json", cookie: `${CSRF_COOKIE}=${c.csrfToken}`, "x-csrf-token": c.csrfToken! },
        payload: '{"email": "a@example.org", "password":',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    });

    it("refuses a sign-in without the CSRF header", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const { c } = await browser("10.0.1.4");
      const res = await c.request<any>("POST", "/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD }, { "x-csrf-token": "" });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("CSRF_FAILED");
    });

    it("never locks an address: after failures from many IPs, its owner's right password from another IP signs in", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      for (let i = 0; i < 3; i++) {
        const { post } = await browser(`10.1.0.${i}`);
        const res = await post("/api/v1/auth/sign-in", { email: user.email, password: `Wrong-Password-${i}!` });
        expect(res.status).toBe(401);
      }
      const { post } = await browser("10.1.0.99");
      const res = await post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(user.id);
    });

    it("limits failed attempts per (IP, address): that IP is refused (429 with Retry-After), not the owner elsewhere", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const attacker = await browser("10.1.1.1");
      for (let i = 0; i < 3; i++) {
        expect((await attacker.post("/api/v1/auth/sign-in", { email: user.email, password: `Wrong-Password-${i}!` })).status).toBe(401);
      }
      const refused = await attacker.post("/api/v1/auth/sign-in", { email: user.email, password: "Wrong-Password-9!" });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("RATE_LIMITED");
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      // The same IP may still sign in to other accounts: only this pair is blocked.
      const other = await createUser(t.ctx, { password: TEST_PASSWORD });
      expect((await attacker.post("/api/v1/auth/sign-in", { email: other.email, password: TEST_PASSWORD })).status).toBe(200);
      const owner = await browser("10.1.1.2");
      expect((await owner.post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
    });

    it("limits failed attempts per IP, whatever the address (5 × AUTH_RATE_LIMIT by default)", async () => {
      const { post } = await browser("10.2.0.1");
      for (let i = 0; i < 15; i++) {
        const res = await post("/api/v1/auth/sign-in", { email: `guess-${i}@example.org`, password: "Wrong-Password-1!" });
        expect(res.status).toBe(401);
      }
      const res = await post("/api/v1/auth/sign-in", { email: "guess-16@example.org", password: "Wrong-Password-1!" });
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe("RATE_LIMITED");
    });

    it("clears its own (IP, address) counter on success: one's typos before a sign-in are forgotten", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const { post } = await browser("10.2.1.1");
      const attempt = (password: string) => post("/api/v1/auth/sign-in", { email: user.email, password });
      expect((await attempt("Wrong-Password-1!")).status).toBe(401);
      expect((await attempt("Wrong-Password-2!")).status).toBe(401);
      expect((await attempt(TEST_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await attempt(`Wrong-Password-${i + 3}!`)).status).toBe(401);
      expect((await attempt("Wrong-Password-9!")).status).toBe(429);
    });

    it("does not count successful sign-ins: people sharing one address are not locked out", async () => {
      const users = await Promise.all([0, 1, 2, 3, 4].map(() => createUser(t.ctx, { password: TEST_PASSWORD })));
      for (const user of users) {
        const { post } = await browser("10.3.0.1");
        const res = await post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
        expect(res.status).toBe(200);
      }
    });
  });

  describe("POST /auth/sign-out", () => {
    it("closes the session and clears its cookie", async () => {
      const user = await createUser(t.ctx);
      const c = await t.client().signInAs(user.id);
      const res = await c.post("/api/v1/auth/sign-out");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      const left = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
      expect(left).toHaveLength(0);
      const state = await c.get("/api/v1/session");
      expect(state.body.user).toBeNull();
    });
  });

  describe("sign-in by e-mail link", () => {
    it("answers ok for an unknown address without writing any message", async () => {
      const { post } = await browser("10.4.0.1");
      const before = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages);
      const res = await post("/api/v1/auth/magic-link", { email: "unknown-person@example.org" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      const after = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages);
      expect(after[0]!.n).toBe(before[0]!.n);
    });

    it("mails a single-use link in the user's language; the link signs in once, then is TOKEN_INVALID", async () => {
      const user = await createUser(t.ctx, { email: "Camille.Durand@example.org", displayName: "Camille Durand", language: "fr" });
      const { post } = await browser("10.4.0.2");
      expect((await post("/api/v1/auth/magic-link", { email: "camille.durand@EXAMPLE.org" })).status).toBe(200);

      const mail = await findLastMailTo(t.ctx, user.email);
      expect(mail).toMatchObject({ status: "queued", subject: "Votre lien de connexion à Trame" });
      expect(mail!.text).toContain("Bonjour Camille Durand,");
      const token = tokenOfMail(mail!.text);
      expect(mail!.text).toContain(`https://trame.example.org${webRoutes.signInLink(token)}`);
      expect(mail!.html).toContain("Me connecter");
      // Only the hash is stored.
      const stored = await t.ctx.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
      expect(stored).toHaveLength(1);
      expect(stored[0]!.tokenHash).not.toBe(token);
      expect(stored[0]!.purpose).toBe("sign_in");
      const ttl = new Date(stored[0]!.expiresAt).getTime() - new Date(stored[0]!.createdAt).getTime();
      expect(ttl).toBeGreaterThan(14 * 60_000);
      expect(ttl).toBeLessThanOrEqual(15 * 60_000 + 5_000);

      const other = await browser("10.4.0.3");
      const first = await other.post("/api/v1/auth/magic-link/consume", { token });
      expect(first.status).toBe(200);
      expect(first.body.id).toBe(user.id);
      expect((await other.c.get("/api/v1/session")).body.user.id).toBe(user.id);

      const second = await (await browser("10.4.0.4")).post("/api/v1/auth/magic-link/consume", { token });
      expect(second.status).toBe(400);
      expect(second.body.error.code).toBe("TOKEN_INVALID");
      expect(second.body.error.message).toMatch(/ask for a new link/i);
    });

    it("writes the message in English for an English-speaking user", async () => {
      const user = await createUser(t.ctx, { displayName: "Sam Taylor", language: "en" });
      const { post } = await browser("10.4.0.5");
      await post("/api/v1/auth/magic-link", { email: user.email });
      const mail = await findLastMailTo(t.ctx, user.email);
      expect(mail!.subject).toBe("Your sign-in link for Trame");
      expect(mail!.text).toContain("Hello Sam Taylor,");
    });

    it("refuses an expired link with TOKEN_INVALID", async () => {
      const user = await createUser(t.ctx);
      const { post } = await browser("10.4.0.6");
      await post("/api/v1/auth/magic-link", { email: user.email });
      const token = tokenOfMail((await findLastMailTo(t.ctx, user.email))!.text);
      await t.ctx.db
        .update(emailTokens)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(emailTokens.userId, user.id));
      const res = await post("/api/v1/auth/magic-link/consume", { token });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("TOKEN_INVALID");
    });

    it("refuses an unknown token with TOKEN_INVALID, and a password-reset token used as a sign-in link", async () => {
      const user = await createUser(t.ctx);
      const { post } = await browser("10.4.0.7");
      const unknown = await post("/api/v1/auth/magic-link/consume", { token: "x".repeat(43) });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.code).toBe("TOKEN_INVALID");
      await post("/api/v1/auth/password-reset/request", { email: user.email });
      const resetToken = tokenOfMail((await findLastMailTo(t.ctx, user.email))!.text);
      const wrongPurpose = await post("/api/v1/auth/magic-link/consume", { token: resetToken });
      expect(wrongPurpose.body.error.code).toBe("TOKEN_INVALID");
    });

    it("never refuses link requests for an address asked from many IPs: one mail per 30 seconds, quietly", async () => {
      const user = await createUser(t.ctx);
      const mailsTo = async () =>
        (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(eq(outboxMessages.toAddress, user.email)))[0]!.n;
      for (let i = 0; i < 6; i++) {
        const res = await (await browser(`10.5.0.${i}`)).post("/api/v1/auth/magic-link", { email: user.email });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true });
      }
      // The first request sent a link; the others, within 30 seconds, sent nothing more: the owner's mailbox holds
      // one working link, and a flood of requests cannot fill it.
      expect(await mailsTo()).toBe(1);
      const token = tokenOfMail((await findLastMailTo(t.ctx, user.email))!.text);
      expect((await (await browser("10.5.0.50")).post("/api/v1/auth/magic-link/consume", { token })).status).toBe(200);
    });

    it("limits link requests per (IP, address): that IP is refused, not other IPs", async () => {
      const user = await createUser(t.ctx);
      const { post } = await browser("10.5.1.1");
      for (let i = 0; i < 3; i++) expect((await post("/api/v1/auth/magic-link", { email: user.email })).status).toBe(200);
      const refused = await post("/api/v1/auth/magic-link", { email: user.email });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("RATE_LIMITED");
      expect((await (await browser("10.5.1.2")).post("/api/v1/auth/magic-link", { email: user.email })).status).toBe(200);
      expect((await post("/api/v1/auth/magic-link", { email: `someone-else-${user.id}@example.org` })).status).toBe(200);
    });
  });

  describe("password reset", () => {
    it("mails a one-hour link; a weak password is refused without spending it; completing signs in and out elsewhere", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD, language: "fr" });
      const elsewhere = await t.client().signInAs(user.id);
      const { c, post } = await browser("10.6.0.1");
      const requested = await post("/api/v1/auth/password-reset/request", { email: user.email });
      expect(requested.body).toEqual({ ok: true });
      const mail = await findLastMailTo(t.ctx, user.email);
      expect(mail!.subject).toBe("Choisir un nouveau mot de passe Trame");
      const token = tokenOfMail(mail!.text);
      expect(mail!.text).toContain(webRoutes.resetPassword(token));
      const [stored] = await t.ctx.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
      const ttl = new Date(stored!.expiresAt).getTime() - new Date(stored!.createdAt).getTime();
      expect(ttl).toBeGreaterThan(59 * 60_000);
      expect(ttl).toBeLessThanOrEqual(60 * 60_000 + 5_000);

      const weak = await post("/api/v1/auth/password-reset/complete", { token, password: "motdepasse" });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe("WEAK_PASSWORD");

      const done = await post("/api/v1/auth/password-reset/complete", { token, password: NEW_PASSWORD });
      expect(done.status).toBe(200);
      expect(done.body.id).toBe(user.id);
      expect((await c.get("/api/v1/session")).body.user.id).toBe(user.id);
      // The session opened before the reset is gone.
      expect((await elsewhere.get("/api/v1/session")).body.user).toBeNull();

      const again = await post("/api/v1/auth/password-reset/complete", { token, password: NEW_PASSWORD });
      expect(again.body.error.code).toBe("TOKEN_INVALID");

      const oldPassword = await (await browser("10.6.0.2")).post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
      expect(oldPassword.status).toBe(401);
      const newPassword = await (await browser("10.6.0.3")).post("/api/v1/auth/sign-in", { email: user.email, password: NEW_PASSWORD });
      expect(newPassword.status).toBe(200);
    });

    it("answers ok for an unknown address", async () => {
      const res = await (await browser("10.6.0.4")).post("/api/v1/auth/password-reset/request", { email: "nobody-at-all@example.org" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
    });
  });

  describe("links that die together", () => {
    const resetWith = (post: (url: string, body: unknown) => Promise<any>, token: string) =>
      post("/api/v1/auth/password-reset/complete", { token, password: NEW_PASSWORD });
    const signInWith = (post: (url: string, body: unknown) => Promise<any>, token: string) =>
      post("/api/v1/auth/magic-link/consume", { token });

    it("completing a reset spends every other reset and sign-in link of the account, and no one else's", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const someoneElse = await createUser(t.ctx);
      const olderReset = await issueEmailLink(t.ctx, user.id, "password_reset");
      const signInLink = await issueEmailLink(t.ctx, user.id, "sign_in");
      const usedReset = await issueEmailLink(t.ctx, user.id, "password_reset");
      const othersLink = await issueEmailLink(t.ctx, someoneElse.id, "sign_in");

      const { post } = await browser("10.8.0.1");
      expect((await resetWith(post, usedReset)).status).toBe(200);

      const again = await resetWith((await browser("10.8.0.2")).post, olderReset);
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe("TOKEN_INVALID");
      const link = await signInWith((await browser("10.8.0.3")).post, signInLink);
      expect(link.status).toBe(400);
      expect(link.body.error.code).toBe("TOKEN_INVALID");
      // The password set by the reset stands: the older link did not change it again.
      const signIn = await (await browser("10.8.0.4")).post("/api/v1/auth/sign-in", { email: user.email, password: NEW_PASSWORD });
      expect(signIn.status).toBe(200);
      expect((await signInWith((await browser("10.8.0.5")).post, othersLink)).status).toBe(200);
    });

    it("signing in by a link spends every other sign-in and reset link of the account", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const used = await issueEmailLink(t.ctx, user.id, "sign_in");
      const otherLink = await issueEmailLink(t.ctx, user.id, "sign_in");
      const reset = await issueEmailLink(t.ctx, user.id, "password_reset");

      expect((await signInWith((await browser("10.8.1.1")).post, used)).status).toBe(200);
      expect((await signInWith((await browser("10.8.1.2")).post, otherLink)).body.error.code).toBe("TOKEN_INVALID");
      expect((await resetWith((await browser("10.8.1.3")).post, reset)).body.error.code).toBe("TOKEN_INVALID");
      const oldPassword = await (await browser("10.8.1.4")).post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
      expect(oldPassword.status).toBe(200);
    });

    it("lets exactly one of several links of an account used at once through, the others TOKEN_INVALID, never a 5xx", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const tokens = await Promise.all(
        (["password_reset", "sign_in", "password_reset", "sign_in"] as const).map((purpose) => issueEmailLink(t.ctx, user.id, purpose)),
      );
      const results = await Promise.all(
        tokens.map(async (token, i) => {
          const { post } = await browser(`10.8.2.${i}`);
          return i % 2 === 0 ? resetWith(post, token) : signInWith(post, token);
        }),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400, 400]);
    });
  });

  describe("password reset requests", () => {
    it("are never refused for an address asked from many IPs: one mail per 30 seconds, quietly", async () => {
      const user = await createUser(t.ctx);
      for (let i = 0; i < 5; i++) {
        expect((await (await browser(`10.9.0.${i}`)).post("/api/v1/auth/password-reset/request", { email: user.email })).status).toBe(200);
      }
      const mails = await t.ctx.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, user.email));
      expect(mails).toHaveLength(1);
    });
  });

  it("gives a new session id at sign-in, closing the one the browser had", async () => {
    const user = await createUser(t.ctx, { password: TEST_PASSWORD });
    const c = await t.client().signInAs(user.id);
    const res = await c.request("POST", "/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD }, { "x-forwarded-for": "10.7.0.1" });
    expect(res.status).toBe(200);
    const rows = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(res.headers["set-cookie"]).toBeDefined();
    expect(String(res.headers["set-cookie"])).toContain(`${SESSION_COOKIE}=`);
  });
});

describe("sign-in limits at the default settings", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: "true" });
  });
  afterAll(async () => {
    await t?.close();
  });

  const signIn = async (ip: string, email: string, password: string) => {
    const c = t.client();
    await c.request("GET", "/api/v1/session", undefined, { "x-forwarded-for": ip });
    return c.request<any>("POST", "/api/v1/auth/sign-in", { email, password }, { "x-forwarded-for": ip });
  };

  it("lets the owner in from a fresh IP after ten wrong passwords for the address from other IPs", async () => {
    const user = await createUser(t.ctx, { password: TEST_PASSWORD });
    for (let i = 0; i < 10; i++) expect((await signIn(`10.20.0.${i}`, user.email, `Wrong-Password-${i}!`)).status).toBe(401);
    const owner = await signIn("10.20.1.1", user.email, TEST_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.id).toBe(user.id);
  });

  it("does not block an IP after fifty valid sign-ins at once from it: the fifty-first succeeds", async () => {
    const people = await Promise.all(Array.from({ length: 51 }, () => createUser(t.ctx, { password: TEST_PASSWORD })));
    const first = await Promise.all(people.slice(0, 50).map((user) => signIn("10.21.0.1", user.email, TEST_PASSWORD)));
    expect(first.map((res) => res.status)).toEqual(Array(50).fill(200));
    expect((await signIn("10.21.0.1", people[50]!.email, TEST_PASSWORD)).status).toBe(200);
  });
});
