import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, createUser } from "../test/factories.js";
import { openSession } from "../modules/accounts/accounts.public.js";
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
    await addToSphere(t.ctx, association.id, sphere.id, watcher.id, "member");
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
    // An association admin may read everything these events tell (who may not: see the next describe block).
    const member = await createMember(t.ctx, association.id, "admin");
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
      `sphereCreationRequest.decided → user:${member.id}`,
      `sphereCreationRequest.decided → association:${association.id}`,
      `pendingReviews.changed → user:${member.id}`,
      `sphere.updated → sphere:${sphere.id}`,
    ]);
    socket.close();
  });

  describe("room events reach each member of a room only as the REST API would show them", () => {
    const sphereUrl = (associationId: string, sphereId: string) => `/api/v1/associations/${associationId}/spheres/${sphereId}`;
    const as = (userId: string) => t.client().signInAs(userId);

    async function inRoom(userId: string, room: string): Promise<TestSocket> {
      const socket = await connect(userId);
      expect(await socket.request({ type: "subscribe", room })).toBe("subscribed");
      return socket;
    }

    /** Events (not control replies) received in a room. */
    const eventsIn = (socket: TestSocket, room: string) => socket.received.filter((m) => m.room === room && m.data !== undefined);

    /** Waits for a marker published after everything else: whatever was sent to this socket before has arrived. */
    async function settle(socket: TestSocket, userId: string): Promise<void> {
      const marker = randomUUID();
      t.ctx.realtime.publish({ type: "sphere.updated", room: `user:${userId}`, data: { associationId: marker, sphereId: marker } });
      await socket.next((m) => m.data?.associationId === marker);
    }

    /**
     * A private sphere watched by its manager, a moderator (both review its requests), one of its members and a
     * member of the association outside it (both may read it; neither reviews its requests).
     */
    async function privateSphereWatched() {
      const association = await createAssociation(t.ctx);
      const sphere = await createSphere(t.ctx, association.id, { visibility: "private" });
      const room = `sphere:${sphere.id}`;
      const moderator = await createMember(t.ctx, association.id, "member");
      await addToSphere(t.ctx, association.id, sphere.id, moderator.id, "moderator");
      const person = await createMember(t.ctx, association.id, "member");
      await addToSphere(t.ctx, association.id, sphere.id, person.id, "member");
      const outside = await createMember(t.ctx, association.id, "member");
      const requester = await createMember(t.ctx, association.id, "member");
      const requests = `${sphereUrl(association.id, sphere.id)}/join-requests`;
      // What the REST list of requests answers each of them.
      expect((await (await as(moderator.id)).get(requests)).status).toBe(200);
      expect((await (await as(person.id)).get(requests)).status).toBe(403);
      expect((await (await as(outside.id)).get(requests)).status).toBe(403);
      return { association, sphere, room, requests, moderator, person, outside, requester };
    }

    async function expectNothingOf(type: string, room: string, watchers: [TestSocket, string][]): Promise<void> {
      for (const [socket, userId] of watchers) {
        await settle(socket, userId);
        expect(eventsIn(socket, room).map((m) => m.type)).not.toContain(type);
      }
    }

    it("sphereMembership.changed: who joined is told to the sphere's people, not to visitors nor to members outside it", async () => {
      const association = await createAssociation(t.ctx);
      const sphere = await createSphere(t.ctx, association.id, { visibility: "public" });
      const room = `sphere:${sphere.id}`;
      const person = await createMember(t.ctx, association.id, "member");
      await addToSphere(t.ctx, association.id, sphere.id, person.id, "member");
      const outside = await createMember(t.ctx, association.id, "member");
      const visitor = await createUser(t.ctx);
      const members = `${sphereUrl(association.id, sphere.id)}/members`;
      expect((await (await as(person.id)).get(members)).status).toBe(200);
      expect((await (await as(outside.id)).get(members)).status).toBe(403);
      expect((await (await as(visitor.id)).get(members)).status).toBe(404);
      const personSocket = await inRoom(person.id, room);
      const outsideSocket = await inRoom(outside.id, room);
      const visitorSocket = await inRoom(visitor.id, room);

      const joiner = await createMember(t.ctx, association.id, "member");
      expect((await (await as(joiner.id)).post(`${sphereUrl(association.id, sphere.id)}/join`)).status).toBe(200);

      expect(await personSocket.next((m) => m.type === "sphereMembership.changed")).toMatchObject({ room, data: { userId: joiner.id, role: "member" } });
      for (const [socket, userId] of [[outsideSocket, outside.id], [visitorSocket, visitor.id]] as const) {
        // They may read the sphere, whose member count changed: they are told it changed, not who joined.
        await settle(socket, userId);
        expect(eventsIn(socket, room)).toEqual([{ type: "sphere.updated", room, data: { associationId: association.id, sphereId: sphere.id } }]);
        expect(JSON.stringify(socket.received)).not.toContain(joiner.id);
      }
      for (const s of [personSocket, outsideSocket, visitorSocket]) s.close();
    });

    it("sphereJoinRequest.created: only those who review the sphere's requests hear of a new one", async () => {
      const { room, requests, sphere, moderator, person, outside, requester } = await privateSphereWatched();
      const moderatorSocket = await inRoom(moderator.id, room);
      const managerSocket = await inRoom(sphere.managerId, room);
      const personSocket = await inRoom(person.id, room);
      const outsideSocket = await inRoom(outside.id, room);

      const asked = await (await as(requester.id)).post(requests, { message: "Bonjour" });
      expect(asked.status).toBe(200);
      for (const socket of [moderatorSocket, managerSocket]) {
        expect(await socket.next((m) => m.type === "sphereJoinRequest.created")).toMatchObject({ room, data: { requestId: asked.body.id } });
      }
      await expectNothingOf("sphereJoinRequest.created", room, [
        [personSocket, person.id],
        [outsideSocket, outside.id],
      ]);
      for (const s of [moderatorSocket, managerSocket, personSocket, outsideSocket]) s.close();
    });

    it("sphereJoinRequest.decided: only reviewers (and the requester, in their own room) hear of the decision", async () => {
      const { room, requests, sphere, moderator, person, outside, requester } = await privateSphereWatched();
      const asked = await (await as(requester.id)).post(requests, { message: "" });
      const moderatorSocket = await inRoom(moderator.id, room);
      const personSocket = await inRoom(person.id, room);
      const outsideSocket = await inRoom(outside.id, room);
      const requesterSocket = await connect(requester.id);

      const decided = await (await as(sphere.managerId)).post(`${requests}/${asked.body.id}/decision`, { decision: "refuse", reason: "Complet" });
      expect(decided.status).toBe(200);
      expect(await moderatorSocket.next((m) => m.type === "sphereJoinRequest.decided")).toMatchObject({ room, data: { userId: requester.id, status: "refused" } });
      expect(await requesterSocket.next((m) => m.type === "sphereJoinRequest.decided")).toMatchObject({ room: `user:${requester.id}` });
      await expectNothingOf("sphereJoinRequest.decided", room, [
        [personSocket, person.id],
        [outsideSocket, outside.id],
      ]);
      for (const s of [personSocket, outsideSocket]) expect(JSON.stringify(s.received)).not.toContain(requester.id);
      for (const s of [moderatorSocket, personSocket, outsideSocket, requesterSocket]) s.close();
    });

    it("sphereJoinRequest.cancelled: only reviewers hear that a request was withdrawn", async () => {
      const { room, requests, moderator, person, outside, requester } = await privateSphereWatched();
      const asked = await (await as(requester.id)).post(requests, { message: "" });
      const moderatorSocket = await inRoom(moderator.id, room);
      const personSocket = await inRoom(person.id, room);
      const outsideSocket = await inRoom(outside.id, room);

      expect((await (await as(requester.id)).post(`${requests}/${asked.body.id}/cancel`)).status).toBe(200);
      expect(await moderatorSocket.next((m) => m.type === "sphereJoinRequest.cancelled")).toMatchObject({ room, data: { userId: requester.id } });
      await expectNothingOf("sphereJoinRequest.cancelled", room, [
        [personSocket, person.id],
        [outsideSocket, outside.id],
      ]);
      for (const s of [personSocket, outsideSocket]) expect(JSON.stringify(s.received)).not.toContain(requester.id);
      for (const s of [moderatorSocket, personSocket, outsideSocket]) s.close();
    });

    it("associationMembership.changed: members who may list the association's members hear of a change, its guests do not", async () => {
      const association = await createAssociation(t.ctx);
      const room = `association:${association.id}`;
      const member = await createMember(t.ctx, association.id, "member");
      const guest = await createMember(t.ctx, association.id, "guest");
      const promoted = await createMember(t.ctx, association.id, "member");
      const members = `/api/v1/associations/${association.id}/members`;
      expect((await (await as(member.id)).get(members)).status).toBe(200);
      expect((await (await as(guest.id)).get(members)).status).toBe(403);
      const memberSocket = await inRoom(member.id, room);
      const guestSocket = await inRoom(guest.id, room);

      expect((await (await as(association.ownerId)).patch(`${members}/${promoted.id}`, { role: "admin" })).status).toBe(200);
      expect(await memberSocket.next((m) => m.type === "associationMembership.changed")).toMatchObject({ room, data: { userId: promoted.id, role: "admin" } });
      await expectNothingOf("associationMembership.changed", room, [[guestSocket, guest.id]]);
      expect(JSON.stringify(guestSocket.received)).not.toContain(promoted.id);
      memberSocket.close();
      guestSocket.close();
    });

    it("sphere.updated: reaches whoever may read the sphere, and stops for those who no longer may", async () => {
      const association = await createAssociation(t.ctx);
      const sphere = await createSphere(t.ctx, association.id, { visibility: "public" });
      const room = `sphere:${sphere.id}`;
      const outside = await createMember(t.ctx, association.id, "member");
      const visitor = await createUser(t.ctx);
      const outsideSocket = await inRoom(outside.id, room);
      const visitorSocket = await inRoom(visitor.id, room);
      const manager = await as(sphere.managerId);
      const url = sphereUrl(association.id, sphere.id);

      expect((await manager.patch(url, { description: "Nouvelle description" })).status).toBe(200);
      for (const socket of [outsideSocket, visitorSocket]) await socket.next((m) => m.type === "sphere.updated" && m.room === room);

      // Made private: the visitor may no longer read it (REST: NOT_FOUND), and leaves its room.
      expect((await manager.patch(url, { visibility: "private" })).status).toBe(200);
      expect((await (await as(visitor.id)).get(url)).status).toBe(404);
      await visitorSocket.next((m) => m.type === "unsubscribed" && m.room === room);
      expect((await manager.patch(url, { description: "Encore" })).status).toBe(200);
      await settle(outsideSocket, outside.id);
      expect(eventsIn(outsideSocket, room)).toHaveLength(3);
      await settle(visitorSocket, visitor.id);
      expect(eventsIn(visitorSocket, room)).toHaveLength(2);
      expect(await visitorSocket.request({ type: "subscribe", room })).toBe("denied");
      outsideSocket.close();
      visitorSocket.close();
    });

    it("sphereCreationRequest.decided: reviewers hear of it in the association's room, the requester in their own, other members not", async () => {
      const association = await createAssociation(t.ctx, { sphereCreationPolicy: "request" });
      const room = `association:${association.id}`;
      const admin = await createMember(t.ctx, association.id, "admin");
      const requester = await createMember(t.ctx, association.id, "member");
      const other = await createMember(t.ctx, association.id, "member");
      const requestsUrl = `/api/v1/associations/${association.id}/sphere-requests`;
      const asked = await (await as(requester.id)).post(requestsUrl, { name: "Cellule confidentielle", visibility: "secret", reason: "" });
      expect(asked.status).toBe(200);
      // REST: another member sees only their own requests (none), not this one.
      expect((await (await as(other.id)).get(requestsUrl)).body.items).toEqual([]);
      const adminSocket = await inRoom(admin.id, room);
      const requesterSocket = await inRoom(requester.id, room);
      const otherSocket = await inRoom(other.id, room);

      const decided = await (await as(admin.id)).post(`${requestsUrl}/${asked.body.id}/decision`, { decision: "approve" });
      expect(decided.status).toBe(200);
      const created = decided.body.createdSphereId as string;
      expect(await adminSocket.next((m) => m.type === "sphereCreationRequest.decided")).toMatchObject({ room, data: { sphereId: created } });
      expect(await requesterSocket.next((m) => m.type === "sphereCreationRequest.decided")).toMatchObject({
        room: `user:${requester.id}`,
        data: { requestId: asked.body.id, status: "approved", sphereId: created },
      });
      await expectNothingOf("sphereCreationRequest.decided", room, [[otherSocket, other.id]]);
      // The new secret sphere's id never reaches a member who may not see it.
      expect(JSON.stringify(otherSocket.received)).not.toContain(created);
      for (const s of [adminSocket, requesterSocket, otherSocket]) s.close();
    });
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
    // It starts and stops a whole application of its own: on a loaded machine that takes more than the default.
  }, 120_000);
});
