import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, createUser } from "../test/factories.js";
import { openSession } from "../modules/accounts/sessions.service.js";
import { SESSION_COOKIE } from "../platform/http/request-actor.js";
import { listenForSockets, TestSocket } from "../platform/realtime/realtime.test-helpers.js";

describe("real-time hub, wired to the modules", () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    url = await listenForSockets(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A signed-in socket, once the hub has put it in its own user room. */
  async function connect(userId: string): Promise<TestSocket> {
    const { token } = await openSession(t.ctx, userId, { userAgent: "vitest", ip: "127.0.0.1" });
    const socket = await TestSocket.open(url, { cookie: `${SESSION_COOKIE}=${token}` });
    await socket.next((m) => m.type === "subscribed" && m.room === `user:${userId}`);
    return socket;
  }

  it("closes an anonymous socket with 4401", async () => {
    const socket = await TestSocket.open(url);
    expect((await socket.closed).code).toBe(4401);
  });

  it("closes a socket whose session cookie is unknown with 4401", async () => {
    const socket = await TestSocket.open(url, { cookie: `${SESSION_COOKIE}=forged` });
    expect((await socket.closed).code).toBe(4401);
  });

  it("refuses a socket opened by a page of another site", async () => {
    const user = await createUser(t.ctx);
    const { token } = await openSession(t.ctx, user.id, { userAgent: "vitest", ip: "127.0.0.1" });
    const socket = await TestSocket.open(url, { cookie: `${SESSION_COOKIE}=${token}`, origin: "https://evil.example" });
    expect((await socket.closed).code).toBe(4403);
  });

  it("lets members join the rooms of what they may read, and nobody else", async () => {
    const association = await createAssociation(t.ctx);
    const member = await createMember(t.ctx, association.id, "member");
    const outsider = await createUser(t.ctx);
    const open = await createSphere(t.ctx, association.id, { visibility: "open" });
    const secret = await createSphere(t.ctx, association.id, { visibility: "secret" });

    const memberSocket = await connect(member.id);
    expect(await memberSocket.request({ type: "subscribe", room: `association:${association.id}` })).toBe("subscribed");
    expect(await memberSocket.request({ type: "subscribe", room: `sphere:${open.id}` })).toBe("subscribed");
    expect(await memberSocket.request({ type: "subscribe", room: `sphere:${secret.id}` })).toBe("denied");
    expect(await memberSocket.request({ type: "subscribe", room: `user:${outsider.id}` })).toBe("denied");

    const outsiderSocket = await connect(outsider.id);
    expect(await outsiderSocket.request({ type: "subscribe", room: `association:${association.id}` })).toBe("denied");
    expect(await outsiderSocket.request({ type: "subscribe", room: `sphere:${open.id}` })).toBe("denied");
    memberSocket.close();
    outsiderSocket.close();
  });

  it("closes a socket that sends something other than a client message", async () => {
    const user = await createUser(t.ctx);
    const socket = await connect(user.id);
    socket.ws.send(JSON.stringify({ type: "subscribe", room: "sphere:not-an-id" }));
    expect((await socket.closed).code).toBe(1008);
  });

  it("delivers a membership change caused through the API to the member and to the sphere's room only", async () => {
    const association = await createAssociation(t.ctx);
    const sphere = await createSphere(t.ctx, association.id, { visibility: "open" });
    const other = await createSphere(t.ctx, association.id, { visibility: "open" });
    const joiner = await createMember(t.ctx, association.id, "member");
    const watcher = await createMember(t.ctx, association.id, "member");
    const elsewhere = await createMember(t.ctx, association.id, "member");

    const joinerSocket = await connect(joiner.id);
    const watcherSocket = await connect(watcher.id);
    const elsewhereSocket = await connect(elsewhere.id);
    expect(await watcherSocket.request({ type: "subscribe", room: `sphere:${sphere.id}` })).toBe("subscribed");
    expect(await elsewhereSocket.request({ type: "subscribe", room: `sphere:${other.id}` })).toBe("subscribed");

    const http = await t.client().signInAs(joiner.id);
    const res = await http.post(`/api/v1/associations/${association.id}/spheres/${sphere.id}/join`);
    expect(res.status).toBe(200);

    const expected = { type: "sphereMembership.changed", data: { associationId: association.id, sphereId: sphere.id, userId: joiner.id, role: "member" } };
    expect(await joinerSocket.next((m) => m.type === "sphereMembership.changed")).toMatchObject({ ...expected, room: `user:${joiner.id}` });
    expect(await watcherSocket.next((m) => m.type === "sphereMembership.changed")).toMatchObject({ ...expected, room: `sphere:${sphere.id}` });

    // Messages of one socket arrive in order: once a later event has reached `elsewhere`, the join would have too.
    t.ctx.events.emit("sphere.updated", { associationId: association.id, sphereId: other.id });
    await elsewhereSocket.next((m) => m.type === "sphere.updated");
    expect(elsewhereSocket.received.map((m) => m.type)).not.toContain("sphereMembership.changed");
    for (const s of [joinerSocket, watcherSocket, elsewhereSocket]) s.close();
  });

  it("takes a removed member out of the sphere's room at once", async () => {
    const association = await createAssociation(t.ctx);
    const sphere = await createSphere(t.ctx, association.id, { visibility: "secret" });
    const member = await createMember(t.ctx, association.id, "member");
    await addToSphere(t.ctx, association.id, sphere.id, member.id, "member");

    const socket = await connect(member.id);
    expect(await socket.request({ type: "subscribe", room: `sphere:${sphere.id}` })).toBe("subscribed");

    const manager = await t.client().signInAs(sphere.managerId);
    const res = await manager.delete(`/api/v1/associations/${association.id}/spheres/${sphere.id}/members/${member.id}`);
    expect(res.status).toBe(200);

    expect(await socket.next((m) => m.type === "sphereMembership.changed")).toMatchObject({ room: `user:${member.id}`, data: { role: null } });
    await socket.next((m) => m.type === "unsubscribed" && m.room === `sphere:${sphere.id}`);

    // The sphere's next event no longer reaches them; an event in their own room still does (and comes after it).
    t.ctx.events.emit("sphere.updated", { associationId: association.id, sphereId: sphere.id });
    t.ctx.events.emit("associationMembership.changed", { associationId: association.id, userId: member.id, role: "member" });
    await socket.next((m) => m.type === "associationMembership.changed");
    expect(socket.received.map((m) => m.type)).not.toContain("sphere.updated");
    expect(await socket.request({ type: "subscribe", room: `sphere:${sphere.id}` })).toBe("denied");
    socket.close();
  });

  it("takes someone removed from the association out of its room", async () => {
    const association = await createAssociation(t.ctx);
    const member = await createMember(t.ctx, association.id, "member");
    const socket = await connect(member.id);
    expect(await socket.request({ type: "subscribe", room: `association:${association.id}` })).toBe("subscribed");

    const owner = await t.client().signInAs(association.ownerId);
    expect((await owner.delete(`/api/v1/associations/${association.id}/members/${member.id}`)).status).toBe(200);

    expect(await socket.next((m) => m.type === "associationMembership.changed")).toMatchObject({ data: { role: null } });
    await socket.next((m) => m.type === "unsubscribed" && m.room === `association:${association.id}`);
    socket.close();
  });

  it("routes each domain event to its rooms", async () => {
    const association = await createAssociation(t.ctx);
    const sphere = await createSphere(t.ctx, association.id, { visibility: "open" });
    const member = await createMember(t.ctx, association.id, "member");
    const socket = await connect(member.id);
    expect(await socket.request({ type: "subscribe", room: `association:${association.id}` })).toBe("subscribed");
    expect(await socket.request({ type: "subscribe", room: `sphere:${sphere.id}` })).toBe("subscribed");

    const ids = { associationId: association.id, sphereId: sphere.id };
    t.ctx.events.emit("sphereJoinRequest.created", { ...ids, requestId: "r1" });
    t.ctx.events.emit("sphereJoinRequest.decided", { ...ids, requestId: "r2", userId: member.id, status: "approved" });
    t.ctx.events.emit("sphereJoinRequest.cancelled", { ...ids, requestId: "r4", userId: member.id });
    t.ctx.events.emit("sphereCreationRequest.created", { associationId: association.id, requestId: "r5", userId: member.id });
    t.ctx.events.emit("sphereCreationRequest.decided", { associationId: association.id, requestId: "r3", userId: member.id, status: "refused", sphereId: null });
    t.ctx.events.emit("pendingReviews.changed", { associationId: association.id, userId: member.id });
    t.ctx.events.emit("sphere.updated", ids);
    await socket.next((m) => m.type === "sphere.updated");
    const seen = socket.received.filter((m) => m.data).map((m) => `${m.type} → ${m.room}`);
    expect(seen).toEqual([
      `sphereJoinRequest.created → sphere:${sphere.id}`,
      `sphereJoinRequest.decided → user:${member.id}`,
      `sphereJoinRequest.decided → sphere:${sphere.id}`,
      `sphereJoinRequest.cancelled → user:${member.id}`,
      `sphereJoinRequest.cancelled → sphere:${sphere.id}`,
      `sphereCreationRequest.created → user:${member.id}`,
      `sphereCreationRequest.decided → association:${association.id}`,
      `pendingReviews.changed → user:${member.id}`,
      `sphere.updated → sphere:${sphere.id}`,
    ]);
    socket.close();
  });

  it("closes every socket, with 1001, when the application stops", async () => {
    const local = await createTestApp();
    const localUrl = await listenForSockets(local.app);
    const user = await createUser(local.ctx);
    const { token } = await openSession(local.ctx, user.id, { userAgent: "vitest", ip: "127.0.0.1" });
    const socket = await TestSocket.open(localUrl, {
      cookie: `${SESSION_COOKIE}=${token}`,
    });
    await socket.next((m) => m.type === "subscribed");
    await local.close();
    expect((await socket.closed).code).toBe(1001);
  });
});
