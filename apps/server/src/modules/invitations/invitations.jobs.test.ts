import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createAssociation, createUser } from "../../test/factories.js";
import { insertInvitationConfirmation, insertInvitations } from "./invitations.repository.js";
import { invitationConfirmations, invitations } from "./invitations.tables.js";
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

  it("deletes e-mailed confirmations once expired, or used more than a day ago, and keeps the live ones", async () => {
    const owner = await createUser(t.ctx);
    const association = await createAssociation(t.ctx, { ownerId: owner.id });
    const [invitation] = await insertInvitations(t.ctx.db, [
      {
        associationId: association.id,
        kind: "link",
        associationRole: "member",
        invitedBy: owner.id,
        tokenHash: "link-with-confirmations",
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    ]);
    const hour = 3_600_000;
    const at = (offsetHours: number) => new Date(Date.now() + offsetHours * hour).toISOString();
    const base = { associationId: association.id, invitationId: invitation!.id, email: "c@example.org", displayName: "C" };
    await insertInvitationConfirmation(t.ctx.db, { ...base, tokenHash: "live", expiresAt: at(1) });
    await insertInvitationConfirmation(t.ctx.db, { ...base, tokenHash: "used-now", expiresAt: at(1), usedAt: at(0) });
    await insertInvitationConfirmation(t.ctx.db, { ...base, tokenHash: "expired", expiresAt: at(-0.1) });
    await insertInvitationConfirmation(t.ctx.db, { ...base, tokenHash: "used-long-ago", expiresAt: at(1), usedAt: at(-25) });
    await purgeInvitations(t.ctx);
    const left = await t.ctx.db.select({ tokenHash: invitationConfirmations.tokenHash }).from(invitationConfirmations);
    expect(left.map((r) => r.tokenHash).sort()).toEqual(["live", "used-now"]);
  });
});
