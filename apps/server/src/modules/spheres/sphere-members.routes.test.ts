import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerEvents } from "@trame/contracts";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, createUser, type TestAssociation } from "../../test/factories.js";

const NIL = "00000000-0000-4000-8000-000000000000";

describe("sphere membership", () => {
  let t: TestApp;
  let asso: TestAssociation;
  const membershipEvents: Array<ServerEvents["sphereMembership.changed"]> = [];
  const decisions: Array<ServerEvents["sphereJoinRequest.decided"]> = [];
  const cancellations: Array<ServerEvents["sphereJoinRequest.cancelled"]> = [];
  beforeAll(async () => {
    t = await createTestApp();
    asso = await createAssociation(t.ctx);
    t.ctx.events.on("sphereMembership.changed", (e) => membershipEvents.push(e));
    t.ctx.events.on("sphereJoinRequest.decided", (e) => decisions.push(e));
    t.ctx.events.on("sphereJoinRequest.cancelled", (e) => cancellations.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });
  const base = (sphereId: string) => `/api/v1/associations/${asso.id}/spheres/${sphereId}`;

  it("joins an open sphere (401 → 404 → 403 → 200), counts the member and announces it", async () => {
    const open = await createSphere(t.ctx, asso.id, { visibility: "open" });
    const privateSphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const user = await createMember(t.ctx, asso.id, "member");
    const client = await t.client().signInAs(user.id);
    expect((await t.client().post(`${base(open.id)}/join`)).status).toBe(401);
    expect((await client.post(`${base(NIL)}/join`)).status).toBe(404);
    const refused = await client.post(`${base(privateSphere.id)}/join`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/ask to join/);
    const joined = await client.post(`${base(open.id)}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ myRole: "member", memberCount: 2, abilities: { "sphere.leave": true, "sphere.join": false } });
    expect(membershipEvents.at(-1)).toEqual({ associationId: asso.id, sphereId: open.id, userId: user.id, role: "member" });
    expect((await client.post(`${base(open.id)}/join`)).status).toBe(409);
  });

  it("asks to join a private sphere, and a moderator approves: the requester is in, notified, counted", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const moderator = await createMember(t.ctx, asso.id, "member");
    await addToSphere(t.ctx, asso.id, sphere.id, moderator.id, "moderator");
    const modClient = await t.client().signInAs(moderator.id);
    const requester = await createMember(t.ctx, asso.id, "member", { displayName: "Jeanne Demande" });
    const client = await t.client().signInAs(requester.id);

    expect((await client.post(`${base(sphere.id)}/join-requests`, { message: 42 })).status).toBe(400);
    const request = await client.post(`${base(sphere.id)}/join-requests`, { message: "J'aimerais aider" });
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({ status: "pending", displayName: "Jeanne Demande", message: "J'aimerais aider" });
    expect((await client.post(`${base(sphere.id)}/join-requests`, { message: "Encore" })).status).toBe(409);
    expect((await client.get(base(sphere.id))).body.hasPendingRequest).toBe(true);

    expect((await client.get(`${base(sphere.id)}/join-requests`)).status).toBe(403);
    const pending = await modClient.get(`${base(sphere.id)}/join-requests`);
    expect(pending.body.items.map((r: { id: string }) => r.id)).toEqual([request.body.id]);

    const decide = `${base(sphere.id)}/join-requests/${request.body.id}/decision`;
    expect((await client.post(decide, { decision: "approve" })).status).toBe(403);
    expect((await modClient.post(decide, { decision: "maybe" })).status).toBe(400);
    const approved = await modClient.post(decide, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe("approved");
    expect(decisions.at(-1)).toMatchObject({ requestId: request.body.id, userId: requester.id, status: "approved" });
    expect(membershipEvents.at(-1)).toMatchObject({ sphereId: sphere.id, userId: requester.id, role: "member" });
    expect((await client.get(base(sphere.id))).body).toMatchObject({ myRole: "member", memberCount: 3, hasPendingRequest: false });
    expect((await modClient.post(decide, { decision: "refuse" })).status).toBe(409);
    const history = await modClient.get(`${base(sphere.id)}/join-requests?status=approved`);
    expect(history.body.items).toHaveLength(1);
  });

  it("refuses a request with a reason; the requester stays out and may ask again", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const manager = await t.client().signInAs(sphere.managerId);
    const requester = await createMember(t.ctx, asso.id, "member");
    const client = await t.client().signInAs(requester.id);
    const request = await client.post(`${base(sphere.id)}/join-requests`, {});
    const refused = await manager.post(`${base(sphere.id)}/join-requests/${request.body.id}/decision`, { decision: "refuse", reason: "Réservé au bureau" });
    expect(refused.body.status).toBe("refused");
    expect(decisions.at(-1)).toMatchObject({ status: "refused", userId: requester.id });
    expect((await client.get(base(sphere.id))).body).toMatchObject({ myRole: null, hasPendingRequest: false, memberCount: 1 });
    expect((await client.post(`${base(sphere.id)}/join-requests`, {})).status).toBe(200);
    const audit = await (await t.client().signInAs(asso.ownerId)).get(`/api/v1/associations/${asso.id}/audit?limit=1`);
    expect(audit.body.items[0]).toMatchObject({ action: "sphereJoinRequest.refused", data: { reason: "Réservé au bureau" } });
  });

  it("never leaves a member with a pending request when an approval and a new request of theirs cross", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const manager = await t.client().signInAs(sphere.managerId);
    for (let round = 0; round < 20; round++) {
      const client = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
      const first = await client.post(`${base(sphere.id)}/join-requests`, {});
      // While the first request is approved, they ask again: either before (already asked) or after (already in).
      const [approved, again] = await Promise.all([
        manager.post(`${base(sphere.id)}/join-requests/${first.body.id}/decision`, { decision: "approve" }),
        client.post(`${base(sphere.id)}/join-requests`, { message: "Encore moi" }),
      ]);
      expect(approved.status).toBe(200);
      expect(again.status).toBe(409);
      expect((await client.get(base(sphere.id))).body).toMatchObject({ myRole: "member", hasPendingRequest: false });
    }
  });

  it("never keeps in a sphere someone removed from the association while they were joining it", async () => {
    const open = await createSphere(t.ctx, asso.id, { visibility: "open" });
    const closed = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const owner = await t.client().signInAs(asso.ownerId);
    const manager = await t.client().signInAs(closed.managerId);
    const sphereIdsOf = async (userId: string) =>
      (await t.ctx.db.execute<{ sphere_id: string }>(sql`SELECT sphere_id FROM sphere_members WHERE user_id = ${userId}`)).rows;
    for (let round = 0; round < 10; round++) {
      const person = await createMember(t.ctx, asso.id, "member");
      const client = await t.client().signInAs(person.id);
      const request = await client.post(`${base(closed.id)}/join-requests`, {});
      // They join one sphere, and are approved in another, while an owner removes them from the association.
      const [joined, approved, removed] = await Promise.all([
        client.post(`${base(open.id)}/join`),
        manager.post(`${base(closed.id)}/join-requests/${request.body.id}/decision`, { decision: "approve" }),
        owner.delete(`/api/v1/associations/${asso.id}/members/${person.id}`),
      ]);
      expect(removed.status).toBe(200);
      expect([200, 404, 409]).toContain(joined.status);
      expect([200, 409]).toContain(approved.status);
      expect(await sphereIdsOf(person.id)).toEqual([]);
    }
    for (const sphere of [open, closed]) {
      const counted = await t.ctx.db.execute<{ member_count: number; rows: number }>(
        sql`SELECT member_count, (SELECT count(*)::int FROM sphere_members WHERE sphere_id = ${sphere.id}) AS rows FROM spheres WHERE id = ${sphere.id}`,
      );
      expect(counted.rows[0]!.member_count).toBe(counted.rows[0]!.rows);
    }
  });

  it("lets the requester withdraw a pending request (401 → 400 → 404 → 200 → 409); anybody else gets NOT_FOUND", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const other = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const moderator = await createMember(t.ctx, asso.id, "member");
    await addToSphere(t.ctx, asso.id, sphere.id, moderator.id, "moderator");
    const modClient = await t.client().signInAs(moderator.id);
    const admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const someone = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
    const requester = await createMember(t.ctx, asso.id, "member");
    const client = await t.client().signInAs(requester.id);

    const request = await client.post(`${base(sphere.id)}/join-requests`, { message: "Je peux aider" });
    expect((await client.get(base(sphere.id))).body).toMatchObject({ hasPendingRequest: true, myPendingRequestId: request.body.id });
    // Reviewers see whether someone asked, never another person's request id through the sphere itself.
    expect((await modClient.get(base(sphere.id))).body.myPendingRequestId).toBeNull();
    const cancel = (sphereId: string, requestId: string) => `${base(sphereId)}/join-requests/${requestId}/cancel`;

    expect((await t.client().post(cancel(sphere.id, request.body.id))).status).toBe(401);
    expect((await client.post(cancel(sphere.id, "nope"))).status).toBe(400);
    const unknown = await client.post(cancel(sphere.id, NIL));
    expect(unknown.status).toBe(404);
    for (const stranger of [someone, modClient, admin]) {
      const res = await stranger.post(cancel(sphere.id, request.body.id));
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: unknown.body });
    }
    // The request of one sphere is not found through another one's path.
    expect((await client.post(cancel(other.id, request.body.id))).status).toBe(404);
    expect((await client.post(cancel(NIL, request.body.id))).status).toBe(404);

    const cancelled = await client.post(cancel(sphere.id, request.body.id));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: request.body.id, status: "cancelled", userId: requester.id });
    expect(cancellations.at(-1)).toEqual({ associationId: asso.id, sphereId: sphere.id, requestId: request.body.id, userId: requester.id });
    expect((await client.get(base(sphere.id))).body).toMatchObject({ hasPendingRequest: false, myPendingRequestId: null, myRole: null });
    expect((await modClient.get(`${base(sphere.id)}/join-requests`)).body.items).toEqual([]);
    const history = await modClient.get(`${base(sphere.id)}/join-requests?status=cancelled`);
    expect(history.body.items.map((r: { id: string }) => r.id)).toEqual([request.body.id]);

    const again = await client.post(cancel(sphere.id, request.body.id));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/withdrawn/);
    expect((await modClient.post(`${base(sphere.id)}/join-requests/${request.body.id}/decision`, { decision: "approve" })).status).toBe(409);
    expect((await client.get(base(sphere.id))).body.myRole).toBeNull();

    // A decided request can no longer be withdrawn; asking again is always possible.
    const second = await client.post(`${base(sphere.id)}/join-requests`, {});
    expect(second.status).toBe(200);
    await modClient.post(`${base(sphere.id)}/join-requests/${second.body.id}/decision`, { decision: "refuse" });
    const late = await client.post(cancel(sphere.id, second.body.id));
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/decided/);
  });

  it("never loses its last manager: leave, demote and remove answer LAST_MANAGER", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "open" });
    const manager = await t.client().signInAs(sphere.managerId);
    const admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const leave = await manager.post(`${base(sphere.id)}/leave`);
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe("LAST_MANAGER");
    expect((await admin.patch(`${base(sphere.id)}/members/${sphere.managerId}`, { role: "member" })).body.error.code).toBe("LAST_MANAGER");
    expect((await admin.delete(`${base(sphere.id)}/members/${sphere.managerId}`)).body.error.code).toBe("LAST_MANAGER");

    // With a second manager (appointed by an admin), the first may go.
    const other = await createMember(t.ctx, asso.id, "member");
    expect((await admin.post(`${base(sphere.id)}/members`, { userId: other.id, role: "manager" })).status).toBe(200);
    expect((await manager.post(`${base(sphere.id)}/leave`)).status).toBe(200);
    expect(membershipEvents.at(-1)).toMatchObject({ sphereId: sphere.id, userId: sphere.managerId, role: null });
    expect((await admin.get(base(sphere.id))).body.memberCount).toBe(1);
  });

  it("lets two managers demote each other at the same time without leaving the sphere managerless", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "open" });
    const second = await createMember(t.ctx, asso.id, "member");
    await addToSphere(t.ctx, asso.id, sphere.id, second.id, "manager");
    const adminA = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const adminB = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const [a, b] = await Promise.all([
      adminA.patch(`${base(sphere.id)}/members/${sphere.managerId}`, { role: "member" }),
      adminB.patch(`${base(sphere.id)}/members/${second.id}`, { role: "member" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const members = await adminA.get(`${base(sphere.id)}/members`);
    expect(members.body.items.filter((m: { role: string }) => m.role === "manager")).toHaveLength(1);
  });

  it("lets managers add members and appoint moderators, but only admins appoint or remove managers", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const manager = await t.client().signInAs(sphere.managerId);
    const admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const someone = await createMember(t.ctx, asso.id, "member");
    const stranger = await createUser(t.ctx);
    const u = `${base(sphere.id)}/members`;

    expect((await t.client().post(u, { userId: someone.id })).status).toBe(401);
    expect((await manager.post(u, { userId: "x" })).status).toBe(400);
    expect((await manager.post(u, { userId: stranger.id })).status).toBe(404);
    expect((await manager.post(u, { userId: someone.id, role: "manager" })).status).toBe(403);
    expect((await manager.post(u, { userId: someone.id })).status).toBe(200);
    expect((await manager.post(u, { userId: someone.id })).status).toBe(409);

    expect((await manager.patch(`${u}/${someone.id}`, { role: "moderator" })).status).toBe(200);
    const moderator = await t.client().signInAs(someone.id);
    const third = await createMember(t.ctx, asso.id, "member");
    expect((await moderator.post(u, { userId: third.id })).status).toBe(403);
    expect((await manager.patch(`${u}/${someone.id}`, { role: "manager" })).status).toBe(403);
    expect((await admin.patch(`${u}/${someone.id}`, { role: "manager" })).status).toBe(200);
    expect((await manager.delete(`${u}/${someone.id}`)).status).toBe(403);
    expect((await admin.delete(`${u}/${someone.id}`)).status).toBe(200);
    expect((await manager.delete(`${u}/${someone.id}`)).status).toBe(404);

    const list = await manager.get(`${u}?limit=10`);
    expect(list.body.items.map((m: { userId: string }) => m.userId)).toEqual([sphere.managerId]);
    expect((await admin.get(base(sphere.id))).body.memberCount).toBe(1);
    const actions = (await admin.get(`/api/v1/associations/${asso.id}/audit?limit=10`)).body.items
      .map((e: { action: string }) => e.action)
      .filter((a: string) => a.startsWith("sphereMember."))
      .slice(0, 4);
    expect(actions).toEqual(["sphereMember.removed", "sphereMember.roleChanged", "sphereMember.roleChanged", "sphereMember.added"]);
  });

  it("lists a sphere's members to its members only, searchable by name", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "open" });
    const inside = await createMember(t.ctx, asso.id, "member", { displayName: "Benoît Intérieur" });
    await addToSphere(t.ctx, asso.id, sphere.id, inside.id);
    const outside = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
    expect((await outside.get(`${base(sphere.id)}/members`)).status).toBe(403);
    const client = await t.client().signInAs(inside.id);
    const found = await client.get(`${base(sphere.id)}/members?q=benoit`);
    expect(found.body.items).toEqual([expect.objectContaining({ userId: inside.id, displayName: "Benoît Intérieur", role: "member" })]);
  });
});
