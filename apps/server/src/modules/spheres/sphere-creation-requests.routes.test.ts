import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerEvents } from "@trame/contracts";
import { createTestApp, type TestApp, type TestClient } from "../../test/test-app.js";
import { createAssociation, createMember, createSphere, type TestAssociation } from "../../test/factories.js";

const NIL = "00000000-0000-4000-8000-000000000000";

describe("sphere creation requests", () => {
  let t: TestApp;
  let asso: TestAssociation;
  let admin: TestClient;
  let requesterId: string;
  let requester: TestClient;
  const decided: Array<ServerEvents["sphereCreationRequest.decided"]> = [];
  const url = () => `/api/v1/associations/${asso.id}/sphere-requests`;

  beforeAll(async () => {
    t = await createTestApp();
    asso = await createAssociation(t.ctx, { sphereCreationPolicy: "request" });
    admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    requesterId = (await createMember(t.ctx, asso.id, "member", { displayName: "Karim Trésorier" })).id;
    requester = await t.client().signInAs(requesterId);
    t.ctx.events.on("sphereCreationRequest.decided", (e) => decided.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });

  const ask = (name: string, extra: Record<string, unknown> = {}) =>
    requester.post(url(), { name, visibility: "open", reason: "Pour les comptes", ...extra });

  it("is asked by members (401 → 400 → 403 → 200) where the association wants requests", async () => {
    expect((await t.client().post(url(), { name: "Trésorerie" })).status).toBe(401);
    expect((await requester.post(url(), { name: "T" })).status).toBe(400);
    const guest = await t.client().signInAs((await createMember(t.ctx, asso.id, "guest")).id);
    expect((await guest.post(url(), { name: "Trésorerie" })).status).toBe(403);
    expect((await admin.post(url(), { name: "Trésorerie" })).body.error.message).toMatch(/directly/);
    const res = await ask("Trésorerie");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Trésorerie", status: "pending", requesterName: "Karim Trésorier", requestedBy: requesterId, reason: "Pour les comptes" });
  });

  it("is listed: all requests to admins, their own to members", async () => {
    const other = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
    await other.post(url(), { name: "Randonnées" });
    const all = await admin.get(`${url()}?status=pending`);
    expect(all.body.items.map((r: { name: string }) => r.name)).toEqual(["Randonnées", "Trésorerie"]);
    const page = await admin.get(`${url()}?limit=1`);
    const next = await admin.get(`${url()}?limit=1&cursor=${page.body.nextCursor}`);
    expect([page.body.items[0].name, next.body.items[0].name]).toEqual(["Randonnées", "Trésorerie"]);
    const own = await requester.get(url());
    expect(own.body.items.map((r: { name: string }) => r.name)).toEqual(["Trésorerie"]);
  });

  it("approved: the sphere exists and the requester manages it", async () => {
    const request = (await ask("Atelier vélo")).body;
    const decide = `${url()}/${request.id}/decision`;
    expect((await requester.post(decide, { decision: "approve" })).status).toBe(403);
    expect((await admin.post(`${url()}/${NIL}/decision`, { decision: "approve" })).status).toBe(404);
    expect((await admin.post(decide, { decision: "refuse" })).status).toBe(400);
    const approved = await admin.post(decide, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", createdSphereId: expect.any(String) });
    const sphere = await requester.get(`/api/v1/associations/${asso.id}/spheres/${approved.body.createdSphereId}`);
    expect(sphere.body).toMatchObject({ name: "Atelier vélo", myRole: "manager", memberCount: 1, visibility: "open" });
    expect(decided.at(-1)).toEqual({ associationId: asso.id, requestId: request.id, userId: requesterId, status: "approved", sphereId: approved.body.createdSphereId });
    expect((await admin.post(decide, { decision: "approve" })).status).toBe(409);
    const audit = await admin.get(`/api/v1/associations/${asso.id}/audit?limit=3`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain("sphereCreationRequest.approved");
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain("sphere.created");
  });

  it("refused with a reason the requester reads", async () => {
    const request = (await ask("Doublon")).body;
    const refused = await admin.post(`${url()}/${request.id}/decision`, { decision: "refuse", reason: "Trop proche de la sphère Bureau" });
    expect(refused.body).toMatchObject({ status: "refused", decisionReason: "Trop proche de la sphère Bureau", createdSphereId: null });
    const mine = await requester.get(`${url()}?status=refused`);
    expect(mine.body.items[0]).toMatchObject({ id: request.id, decisionReason: "Trop proche de la sphère Bureau" });
    expect(decided.at(-1)).toMatchObject({ status: "refused", sphereId: null });
  });

  it("redirected to an existing sphere of the same association only", async () => {
    const existing = await createSphere(t.ctx, asso.id, { name: "Vélo", visibility: "open" });
    const elsewhere = await createSphere(t.ctx, (await createAssociation(t.ctx)).id, { name: "Vélo ailleurs" });
    const request = (await ask("Cyclistes")).body;
    const decide = `${url()}/${request.id}/decision`;
    const foreign = await admin.post(decide, { decision: "redirect", existingSphereId: elsewhere.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields[0].path).toBe("existingSphereId");
    const redirected = await admin.post(decide, { decision: "redirect", existingSphereId: existing.id, reason: "Rejoignez Vélo" });
    expect(redirected.body).toMatchObject({ status: "redirected", existingSphereId: existing.id, decisionReason: "Rejoignez Vélo" });
    expect(decided.at(-1)).toMatchObject({ status: "redirected", sphereId: existing.id });
  });

  it("cannot be asked where only admins create, nor where members create directly", async () => {
    const only = await createAssociation(t.ctx, { sphereCreationPolicy: "admins" });
    const m1 = await t.client().signInAs((await createMember(t.ctx, only.id, "member")).id);
    expect((await m1.post(`/api/v1/associations/${only.id}/sphere-requests`, { name: "Idée" })).status).toBe(403);
    const free = await createAssociation(t.ctx, { sphereCreationPolicy: "members" });
    const m2 = await t.client().signInAs((await createMember(t.ctx, free.id, "member")).id);
    const res = await m2.post(`/api/v1/associations/${free.id}/sphere-requests`, { name: "Idée" });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/directly/);
  });
});
