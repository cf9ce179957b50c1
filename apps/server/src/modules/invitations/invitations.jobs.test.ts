import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createAssociation, createUser } from "../../test/factories.js";
import { insertInvitations } from "./invitations.repository.js";
import { invitations } from "./invitations.tables.js";
import { purgeInvitations } from "./invitations.jobs.js";

describe("invitations purge", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("deletes invitations expired or revoked more than 30 days ago and keeps the others", async () => {
    const owner = await createUser(t.ctx);
    const association = await createAssociation(t.ctx, { ownerId: owner.id });
    const day = 86_400_000;
    const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
    const base = { associationId: association.id, kind: "email" as const, associationRole: "member" as const, invitedBy: owner.id };
    await insertInvitations(t.ctx.db, [
      { ...base, tokenHash: "valid", email: "valid@example.org", expiresAt: at(7) },
      { ...base, tokenHash: "recently-expired", email: "recent@example.org", expiresAt: at(-3) },
      { ...base, tokenHash: "long-expired", email: "old@example.org", expiresAt: at(-31) },
      { ...base, tokenHash: "long-revoked", email: "revoked@example.org", expiresAt: at(60), revokedAt: at(-40) },
    ]);
    await purgeInvitations(t.ctx);
    const left = await t.ctx.db
      .select({ tokenHash: invitations.tokenHash })
      .from(invitations)
      .where(sql`${invitations.associationId} = ${association.id}`);
    expect(left.map((r) => r.tokenHash).sort()).toEqual(["recently-expired", "valid"]);
  });
});
