import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser, TEST_PASSWORD } from "../../test/factories.js";
import { AppError } from "../../platform/http/app-error.js";
import { emailTokens, sessions, users } from "./accounts.tables.js";
import {
  completePasswordReset,
  consumeMagicLink,
  createUserAccount,
  listUsers,
  requestMagicLink,
  resetPasswordByEmail,
  signInWithPassword,
} from "./accounts.service.js";
import { issueEmailLink } from "./accounts.test-helpers.js";
import { purgeAccountsLeftovers } from "./accounts.jobs.js";
import { openSession } from "./sessions.service.js";

const client = { userAgent: null, ip: null };

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

describe("accounts service", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("createUserAccount", () => {
    it("creates an account whose password signs in", async () => {
      const user = await createUserAccount(t.ctx, {
        email: "  Lucie.Bernard@Example.org ",
        displayName: "Lucie Bernard",
        password: TEST_PASSWORD,
        language: "en",
        isInstanceAdmin: true,
      });
      expect(user).toMatchObject({ email: "Lucie.Bernard@Example.org", displayName: "Lucie Bernard", language: "en", isInstanceAdmin: true });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      const signedIn = await signInWithPassword(t.ctx, { email: "lucie.bernard@example.org", password: TEST_PASSWORD }, client, null);
      expect(signedIn.user.id).toBe(user.id);
    });

    it("refuses an address already taken, whatever its case, with CONFLICT", async () => {
      await createUserAccount(t.ctx, { email: "paul.petit@example.org", displayName: "Paul Petit" });
      const err = await errorOf(createUserAccount(t.ctx, { email: "Paul.PETIT@example.org", displayName: "Another Paul" }));
      expect(err.code).toBe("CONFLICT");
      const rows = await t.ctx.db.select().from(users).where(sql`lower(${users.email}) = 'paul.petit@example.org'`);
      expect(rows).toHaveLength(1);
    });

    it("refuses an invalid address, an empty name and a weak password", async () => {
      expect((await errorOf(createUserAccount(t.ctx, { email: "not-an-address", displayName: "X" }))).code).toBe("VALIDATION_FAILED");
      expect((await errorOf(createUserAccount(t.ctx, { email: "ok@example.org", displayName: "  " }))).code).toBe("VALIDATION_FAILED");
      expect((await errorOf(createUserAccount(t.ctx, { email: "ok@example.org", displayName: "Ok", password: "password123" }))).code).toBe(
        "WEAK_PASSWORD",
      );
    });
  });

  describe("listUsers", () => {
    it("pages through every account by address and searches by address or accent-folded name", async () => {
      const created = [];
      for (const [email, displayName] of [
        ["zoe.list@example.net", "Zoé Lefèvre"],
        ["adele.list@example.net", "Adèle Roux"],
        ["marc.list@example.net", "Marc Faure"],
      ] as const) {
        created.push(await createUserAccount(t.ctx, { email, displayName }));
      }
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listUsers(t.ctx, { cursor, limit: 2 });
        expect(page.items.length).toBeLessThanOrEqual(2);
        all.push(...page.items.map((u) => u.email));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      // (The order is the database's collation of lower(email): not asserted against JavaScript's sort.)
      expect(new Set(all).size).toBe(all.length);
      for (const u of created) expect(all).toContain(u.email);

      const byName = await listUsers(t.ctx, { limit: 10, q: "lefevre" });
      expect(byName.items.map((u) => u.email)).toEqual(["zoe.list@example.net"]);
      const byAddress = await listUsers(t.ctx, { limit: 10, q: "ADELE.LIST" });
      expect(byAddress.items.map((u) => u.displayName)).toEqual(["Adèle Roux"]);
      const wildcard = await listUsers(t.ctx, { limit: 10, q: "%" });
      expect(wildcard.items).toEqual([]);
      expect(byName.items[0]).not.toHaveProperty("passwordHash");
    });
  });

  describe("resetPasswordByEmail", () => {
    it("sets a new password and closes every session of the account", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      await openSession(t.ctx, user.id, client);
      await resetPasswordByEmail(t.ctx, user.email.toUpperCase(), "Nouvelle-Phrase-De-Passe-9");
      expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
      const signedIn = await signInWithPassword(t.ctx, { email: user.email, password: "Nouvelle-Phrase-De-Passe-9" }, client, null);
      expect(signedIn.user.id).toBe(user.id);
    });

    it("spends the account's outstanding sign-in and reset links", async () => {
      const user = await createUser(t.ctx, { password: TEST_PASSWORD });
      const link = await issueEmailLink(t.ctx, user.id, "sign_in");
      const reset = await issueEmailLink(t.ctx, user.id, "password_reset");
      await resetPasswordByEmail(t.ctx, user.email, "Nouvelle-Phrase-De-Passe-9");
      expect((await errorOf(consumeMagicLink(t.ctx, link, client, null))).code).toBe("TOKEN_INVALID");
      expect((await errorOf(completePasswordReset(t.ctx, { token: reset, password: "Encore-Autre-Phrase-8!" }, client, null))).code).toBe(
        "TOKEN_INVALID",
      );
    });

    it("answers NOT_FOUND for an unknown address and WEAK_PASSWORD for a weak one", async () => {
      expect((await errorOf(resetPasswordByEmail(t.ctx, "nobody-known@example.org", "Nouvelle-Phrase-De-Passe-9"))).code).toBe("NOT_FOUND");
      const user = await createUser(t.ctx);
      expect((await errorOf(resetPasswordByEmail(t.ctx, user.email, "short"))).code).toBe("WEAK_PASSWORD");
    });
  });

  describe("purge of expired sessions and e-mail tokens", () => {
    it("deletes expired sessions, expired tokens and tokens used more than a day ago, and keeps the live ones", async () => {
      const user = await createUser(t.ctx);
      const live = await openSession(t.ctx, user.id, client);
      await openSession(t.ctx, user.id, client);
      await t.ctx.db
        .update(sessions)
        .set({ expiresAt: sql`now() - interval '1 minute'` })
        .where(sql`${sessions.userId} = ${user.id} AND ${sessions.csrfToken} <> ${live.csrfToken}`);
      for (let i = 0; i < 4; i++) await requestMagicLink(t.ctx, user.email);
      const tokens = await t.ctx.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
      expect(tokens).toHaveLength(4);
      await t.ctx.db.update(emailTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(emailTokens.id, tokens[0]!.id));
      await t.ctx.db.update(emailTokens).set({ usedAt: sql`now() - interval '2 days'` }).where(eq(emailTokens.id, tokens[1]!.id));
      await t.ctx.db.update(emailTokens).set({ usedAt: sql`now()` }).where(eq(emailTokens.id, tokens[2]!.id));

      await purgeAccountsLeftovers(t.ctx);

      const leftSessions = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
      expect(leftSessions.map((s) => s.csrfToken)).toEqual([live.csrfToken]);
      const leftTokens = await t.ctx.db.select({ id: emailTokens.id }).from(emailTokens).where(eq(emailTokens.userId, user.id));
      expect(leftTokens.map((r) => r.id).sort()).toEqual([tokens[2]!.id, tokens[3]!.id].sort());
    });
  });
});
