import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";

const validBody = (n: number) => ({
  admin: { email: `admin${n}@example.fr`, displayName: "Élise Admin", password: "Une-phrase-de-passe-2024!" },
  association: { name: "Fédération des Jardins", slug: `jardins-${n}` },
});

describe("set-up of a new instance", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is required on an empty database", async () => {
    const res = await t.client().get("/api/v1/setup");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ required: true });
  });

  it("rejects an incomplete form and a weak password", async () => {
    const missing = await t.client().post("/api/v1/setup", { admin: { email: "x@example.fr" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("VALIDATION_FAILED");
    const weak = await t.client().post("/api/v1/setup", { ...validBody(0), admin: { ...validBody(0).admin, password: "motdepasse" } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe("WEAK_PASSWORD");
    expect((await t.client().get("/api/v1/setup")).body).toEqual({ required: true });
  });

  it("refuses a time zone that is not an IANA name", async () => {
    const res = await t.client().post("/api/v1/setup", { ...validBody(0), association: { ...validBody(0).association, timeZone: "Europe/Atlantis" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: "body.association.timeZone", message: expect.any(String) }]);
    expect((await t.client().get("/api/v1/setup")).body).toEqual({ required: true });
  });

  it("lets exactly one of two simultaneous set-ups win, and signs its administrator in", async () => {
    const a = t.client();
    const b = t.client();
    const [ra, rb] = await Promise.all([a.post("/api/v1/setup", validBody(1)), b.post("/api/v1/setup", validBody(2))]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, winnerClient] = ra.status === 200 ? [ra, a] : [rb, b];
    const loser = ra.status === 200 ? rb : ra;
    expect(loser.body.error.code).toBe("SETUP_ALREADY_DONE");
    expect(winner.body.user).toMatchObject({ displayName: "Élise Admin", isInstanceAdmin: true, hasPassword: true });
    expect(winner.body.association.name).toBe("Fédération des Jardins");

    // Signed in by the set-up: the administrator owns the first association.
    const association = await winnerClient.get(`/api/v1/associations/${winner.body.association.id}`);
    expect(association.status).toBe(200);
    expect(association.body).toMatchObject({ myRole: "owner", slug: winner.body.association.slug, abilities: { "association.update": true } });

    const audit = await winnerClient.get(`/api/v1/associations/${winner.body.association.id}/audit`);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(["association.created", "associationMember.added"]);
  });

  it("is refused once an administrator exists", async () => {
    expect((await t.client().get("/api/v1/setup")).body).toEqual({ required: false });
    const again = await t.client().post("/api/v1/setup", validBody(3));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("SETUP_ALREADY_DONE");
  });
});
