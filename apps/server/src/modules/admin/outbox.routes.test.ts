import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser } from "../../test/factories.js";
import { queueMail } from "../../platform/mail/mailer.js";

describe("instance administration: outbox routes", () => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    // Several messages in one transaction share one created_at: the keyset must still page them exactly.
    await t.ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) ids.push(await queueMail(tx, { to: `same-${i}@example.org`, subject: `Same ${i}`, text: "t", html: "<p>t</p>" }));
    });
    for (let i = 0; i < 4; i++) ids.push(await queueMail(t.ctx.db, { to: `m${i}@example.org`, subject: `Message ${i}`, text: `Texte ${i}`, html: `<p>${i}</p>` }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers 401 when signed out and 403 to a signed-in person who is not an instance administrator", async () => {
    const list = await t.client().get("/api/v1/admin/outbox");
    expect(list.status).toBe(401);
    expect(list.body.error.code).toBe("UNAUTHENTICATED");
    const member = await t.client().signInAs((await createUser(t.ctx)).id);
    const forbidden = await member.get("/api/v1/admin/outbox");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("FORBIDDEN");
    expect((await member.get(`/api/v1/admin/outbox/${ids[0]}`)).status).toBe(403);
    // Even a malformed request is refused for what it is asking first: access.
    expect((await member.get("/api/v1/admin/outbox?limit=1000")).status).toBe(403);
  });

  it("validates the query and the id (400), answers 404 for an unknown message", async () => {
    const admin = await t.client().signInAs((await createUser(t.ctx, { isInstanceAdmin: true })).id);
    expect((await admin.get("/api/v1/admin/outbox?limit=1000")).status).toBe(400);
    const badId = await admin.get("/api/v1/admin/outbox/not-a-uuid");
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe("VALIDATION_FAILED");
    const unknown = await admin.get("/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
  });

  it("lists every message newest first, page by page, and shows one whole message", async () => {
    const admin = await t.client().signInAs((await createUser(t.ctx, { isInstanceAdmin: true })).id);
    const seen: { id: string; subject: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/admin/outbox?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await admin.get(url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(seen[0]!.subject).toBe("Message 3");
    const times = seen.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const one = await admin.get(`/api/v1/admin/outbox/${ids[4]}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: ids[4], to: "m1@example.org", subject: "Message 1", status: "queued", text: "Texte 1", html: "<p>1</p>" });
  });
});
