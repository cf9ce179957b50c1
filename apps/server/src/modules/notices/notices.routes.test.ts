import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, inArray } from "drizzle-orm";
import type { ServerEvents } from "@trame/contracts";
import { outboxMessages } from "../../platform/mail/mail.tables.js";
import { findUserById } from "../accounts/accounts.public.js";
import { createTestApp, type TestApp, type TestClient } from "../../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, type TestAssociation } from "../../test/factories.js";

describe("notices: requests that are seen", () => {
  let t: TestApp;
  let asso: TestAssociation;
  const pings: Array<ServerEvents["pendingReviews.changed"]> = [];
  beforeAll(async () => {
    t = await createTestApp();
    asso = await createAssociation(t.ctx, { sphereCreationPolicy: "request" });
    t.ctx.events.on("pendingReviews.changed", (e) => pings.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });

  const spheres = (sphereId: string) => `/api/v1/associations/${asso.id}/spheres/${sphereId}`;
  const pendingOf = (client: TestClient, associationId = asso.id) => client.get(`/api/v1/associations/${associationId}/pending-reviews`);
  const mailTo = (...emails: string[]) =>
    t.ctx.db.select().from(outboxMessages).where(inArray(outboxMessages.toAddress, emails)).orderBy(desc(outboxMessages.createdAt));

  /** A private sphere with a manager (French) and a moderator (English), and a member who will ask to join. */
  async function privateSphere(name: string) {
    const manager = await createMember(t.ctx, asso.id, "member", { displayName: "Claire Martin" });
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private", name, managerId: manager.id });
    const moderator = await createMember(t.ctx, asso.id, "member", { displayName: "Sam Smith", language: "en" });
    await addToSphere(t.ctx, asso.id, sphere.id, moderator.id, "moderator");
    const requester = await createMember(t.ctx, asso.id, "member", { displayName: "Léa Dubois" });
    return { sphere, manager, moderator, requester };
  }

  it("mails the sphere's reviewers in their language when someone asks to join, and counts it for them", async () => {
    const { sphere, manager, moderator, requester } = await privateSphere("Maraude Paris 18e");
    const admin = await createMember(t.ctx, asso.id, "admin");
    const asker = await t.client().signInAs(requester.id);
    pings.length = 0;
    const res = await asker.post(`${spheres(sphere.id)}/join-requests`, { message: "Je connais bien le quartier, secret" });
    expect(res.status).toBe(200);

    const [fr] = await mailTo(manager.email);
    expect(fr).toMatchObject({ subject: "Demande pour rejoindre « Maraude Paris 18e »", status: "queued" });
    expect(fr!.text).toContain("Léa Dubois demande à rejoindre la sphère « Maraude Paris 18e ».");
    expect(fr!.text).toContain(`http://localhost:3000/a/${asso.slug}/spheres/${sphere.id}`);
    // The request's message stays in the app, behind sign-in.
    expect(fr!.text + fr!.html).not.toContain("quartier");
    const [en] = await mailTo(moderator.email);
    expect(en).toMatchObject({ subject: "Request to join “Maraude Paris 18e”" });
    // The sphere has reviewers of its own: admins are not mailed, they see the count.
    expect(await mailTo(admin.email, requester.email)).toHaveLength(0);

    for (const reviewer of [manager, moderator, admin]) {
      const counts = await pendingOf(await t.client().signInAs(reviewer.id));
      expect(counts.status).toBe(200);
      expect(counts.body.joinRequests.spheres).toContainEqual({ sphereId: sphere.id, sphereName: "Maraude Paris 18e", count: 1 });
    }
    expect((await pendingOf(asker)).body).toEqual({ joinRequests: { total: 0, spheres: [] }, creationRequests: 0 });
    const pinged = pings.map((p) => p.userId);
    expect(pinged).toEqual(expect.arrayContaining([manager.id, moderator.id, admin.id, asso.ownerId]));
    expect(pinged).not.toContain(requester.id);
  });

  it("queues no mail for a request that fails", async () => {
    const { sphere, manager, requester } = await privateSphere("Collecte");
    const asker = await t.client().signInAs(requester.id);
    expect((await asker.post(`${spheres(sphere.id)}/join-requests`, {})).status).toBe(200);
    expect((await asker.post(`${spheres(sphere.id)}/join-requests`, {})).status).toBe(409);
    expect(await mailTo(manager.email)).toHaveLength(1);
  });

  it("tells the requester the decision by mail and in their requests; the reviewers' counts drop", async () => {
    const { sphere, manager, requester } = await privateSphere("Cuisine solidaire");
    const asker = await t.client().signInAs(requester.id);
    const request = (await asker.post(`${spheres(sphere.id)}/join-requests`, {})).body;
    const reviewer = await t.client().signInAs(manager.id);
    expect((await pendingOf(reviewer)).body.joinRequests.total).toBe(1);
    expect((await asker.get(`/api/v1/associations/${asso.id}/my-requests`)).body.items).toMatchObject([
      { kind: "join", id: request.id, sphereId: sphere.id, sphereName: "Cuisine solidaire", status: "pending", decidedAt: null },
    ]);

    pings.length = 0;
    const decided = await reviewer.post(`${spheres(sphere.id)}/join-requests/${request.id}/decision`, { decision: "refuse", reason: "Complet" });
    expect(decided.status).toBe(200);
    const [mail] = await mailTo(requester.email);
    expect(mail).toMatchObject({ subject: "Votre demande pour rejoindre « Cuisine solidaire » n’a pas été acceptée" });
    expect(mail!.text).toContain(`http://localhost:3000/a/${asso.slug}`);
    expect(mail!.text).not.toContain("Complet");
    expect((await pendingOf(reviewer)).body.joinRequests.total).toBe(0);
    expect(pings.map((p) => p.userId)).toContain(manager.id);
    const mine = (await asker.get(`/api/v1/associations/${asso.id}/my-requests`)).body.items;
    expect(mine).toMatchObject([{ kind: "join", id: request.id, status: "refused", decisionReason: "Complet" }]);
    expect(mine[0].decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const again = (await asker.post(`${spheres(sphere.id)}/join-requests`, {})).body;
    await reviewer.post(`${spheres(sphere.id)}/join-requests/${again.id}/decision`, { decision: "approve" });
    const [welcome] = await mailTo(requester.email);
    expect(welcome).toMatchObject({ subject: "Vous avez rejoint « Cuisine solidaire »" });
    expect(welcome!.text).toContain(`/a/${asso.slug}/spheres/${sphere.id}`);
  });

  it("drops a withdrawn request from the counts without mailing anybody", async () => {
    const { sphere, manager, requester } = await privateSphere("Jardin partagé");
    const asker = await t.client().signInAs(requester.id);
    const request = (await asker.post(`${spheres(sphere.id)}/join-requests`, {})).body;
    const before = (await mailTo(manager.email, requester.email)).length;
    pings.length = 0;
    expect((await asker.post(`${spheres(sphere.id)}/join-requests/${request.id}/cancel`)).status).toBe(200);
    expect((await pendingOf(await t.client().signInAs(manager.id))).body.joinRequests.total).toBe(0);
    expect(pings.map((p) => p.userId)).toContain(manager.id);
    expect(await mailTo(manager.email, requester.email)).toHaveLength(before);
  });

  it("mails the admins a request to create a sphere, counts it for them only, and mails the requester the decision", async () => {
    const admin = await createMember(t.ctx, asso.id, "admin", { language: "en" });
    const member = await createMember(t.ctx, asso.id, "member", { displayName: "Karim Trésorier" });
    const asker = await t.client().signInAs(member.id);
    const adminClient = await t.client().signInAs(admin.id);
    const before = (await pendingOf(adminClient)).body.creationRequests;
    const request = (await asker.post(`/api/v1/associations/${asso.id}/sphere-requests`, { name: "Trésorerie", reason: "Les comptes" })).body;
    expect(request.status).toBe("pending");

    const [toAdmin] = await mailTo(admin.email);
    expect(toAdmin).toMatchObject({ subject: "Proposed sphere: “Trésorerie”" });
    expect(toAdmin!.text).toContain(`/a/${asso.slug}/admin/sphere-requests`);
    expect(toAdmin!.text).not.toContain("Les comptes");
    const owner = await findUserById(t.ctx.db, asso.ownerId);
    const [toOwner] = await mailTo(owner!.email);
    expect(toOwner).toMatchObject({ subject: "Sphère proposée : « Trésorerie »" });
    expect((await pendingOf(adminClient)).body.creationRequests).toBe(before + 1);
    expect((await pendingOf(asker)).body.creationRequests).toBe(0);

    expect((await adminClient.post(`/api/v1/associations/${asso.id}/sphere-requests/${request.id}/decision`, { decision: "approve" })).status).toBe(200);
    const [decision] = await mailTo(member.email);
    expect(decision).toMatchObject({ subject: "La sphère « Trésorerie » est créée" });
    expect((await pendingOf(adminClient)).body.creationRequests).toBe(before);
    const mine = (await asker.get(`/api/v1/associations/${asso.id}/my-requests`)).body.items;
    expect(mine[0]).toMatchObject({ kind: "creation", id: request.id, sphereName: "Trésorerie", status: "approved", sphereId: expect.any(String) });
  });

  it("keeps each association's counts and requests to itself (401 → 404)", async () => {
    const { sphere, requester } = await privateSphere("Accueil");
    await (await t.client().signInAs(requester.id)).post(`${spheres(sphere.id)}/join-requests`, {});
    const other = await createAssociation(t.ctx);
    const otherOwner = await t.client().signInAs(other.ownerId);
    expect((await pendingOf(t.client())).status).toBe(401);
    expect((await pendingOf(otherOwner)).status).toBe(404);
    expect((await otherOwner.get(`/api/v1/associations/${asso.id}/my-requests`)).status).toBe(404);
    // The other association's own counts do not include this one's requests.
    expect((await pendingOf(otherOwner, other.id)).body).toEqual({ joinRequests: { total: 0, spheres: [] }, creationRequests: 0 });
    // The owner of this association sees them.
    const owner = await t.client().signInAs(asso.ownerId);
    expect((await pendingOf(owner)).body.joinRequests.spheres).toContainEqual({ sphereId: sphere.id, sphereName: "Accueil", count: 1 });
  });

  it("mails the admins when a sphere has no reviewer of its own", async () => {
    const admin = await createMember(t.ctx, asso.id, "admin", { displayName: "Admin Seule" });
    // The admin is the sphere's only manager: the sphere's own reviewers are the admin.
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private", name: "Bureau", managerId: admin.id });
    const requester = await createMember(t.ctx, asso.id, "member");
    await (await t.client().signInAs(requester.id)).post(`${spheres(sphere.id)}/join-requests`, {});
    expect(await mailTo(admin.email)).toHaveLength(1);
  });
});
