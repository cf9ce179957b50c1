import { randomUUID } from "node:crypto";
import pino from "pino";
import WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import type { RoomName, ServerMessage } from "@trame/contracts";
import { createHttpServer, type HttpServer } from "../http/http-server.js";
import { registerRequestActor } from "../http/request-actor.js";
import { InProcessRelay } from "./realtime-relay.js";
import { RedisRelay } from "./redis-relay.js";
import { RealtimeHub, type RealtimeHubOptions } from "./realtime-hub.js";
import { registerRealtimeRoute } from "./realtime.routes.js";
import { listenForSockets, socketUrlOf, TestSocket } from "./realtime.test-helpers.js";

// The hub's own mechanics, on a real HTTP server with real sockets. Sessions are not what is tested here: the
// session cookie carries the user id directly, and the session id after a dot when there is one (the wired
// application resolves real sessions: realtime-wiring.test.ts, modules/accounts/session-sockets.test.ts).
const logger = pino({ level: "silent" });
/** A clearance that holds nothing in particular: the hub's mechanics do not look into it. */
const cleared = new Set<string>();
const allowAll = async () => cleared;
const open: { app: HttpServer; hub: RealtimeHub }[] = [];

async function startHub(options: Partial<RealtimeHubOptions> = {}) {
  const app = await createHttpServer({ logger, trustProxy: false, version: "test" });
  registerRequestActor(
    app,
    async (token) => {
      const [userId = "", sessionId = null] = token.split(".");
      return { actor: { kind: "user", userId, isInstanceAdmin: false, sessionId }, csrfToken: "x" };
    },
    { secure: false, sessionMaxAgeSeconds: 3600 },
  );
  const hub = new RealtimeHub({ relay: new InProcessRelay(), authorizeRoom: allowAll, logger, ...options });
  await app.register(async (api) => registerRealtimeRoute(api as HttpServer, hub, { publicUrl: "http://localhost:3000" }), { prefix: "/api/v1" });
  open.push({ app, hub });
  const url = await listenForSockets(app);
  /** `userId`, or `userId.sessionId` for a socket opened with a session. */
  const connect = async (userId: string, wsOptions: WebSocket.ClientOptions = {}) => {
    const socket = await TestSocket.open(url, { cookie: `trame_session=${userId}` }, wsOptions);
    await socket.next((m) => m.type === "subscribed");
    return socket;
  };
  return { app, hub, connect };
}

afterEach(async () => {
  for (const { app, hub } of open.splice(0)) {
    await app.close();
    await hub.close();
  }
});

const sphereUpdated = (sphereId: string, n = 0): ServerMessage => ({
  type: "sphere.updated",
  room: `sphere:${sphereId}`,
  data: { associationId: `n${n}-${"x".repeat(200)}`, sphereId },
});

describe("real-time hub", () => {
  it("puts a socket in its own user room and answers pings", async () => {
    const { connect } = await startHub();
    const socket = await connect(randomUUID());
    socket.ws.send(JSON.stringify({ type: "ping" }));
    expect(await socket.next((m) => m.type === "pong")).toEqual({ type: "pong" });
  });

  it("asks the authorizer before joining a room", async () => {
    const asked: string[] = [];
    const allowed = randomUUID();
    const { connect } = await startHub({
      authorizeRoom: async (userId, room) => {
        asked.push(room);
        return room === `sphere:${allowed}` ? cleared : null;
      },
    });
    const socket = await connect(randomUUID());
    expect(await socket.request({ type: "subscribe", room: `sphere:${allowed}` })).toBe("subscribed");
    const refused = randomUUID();
    expect(await socket.request({ type: "subscribe", room: `association:${refused}` })).toBe("denied");
    expect(asked).toEqual([`sphere:${allowed}`, `association:${refused}`]);
    expect(await socket.request({ type: "unsubscribe", room: `sphere:${allowed}` })).toBe("unsubscribed");
  });

  it("delivers a published message to the sockets of its room only", async () => {
    const { hub, connect } = await startHub();
    const [a, b] = [randomUUID(), randomUUID()];
    const inA = await connect(randomUUID());
    const inB = await connect(randomUUID());
    await inA.request({ type: "subscribe", room: `sphere:${a}` });
    await inB.request({ type: "subscribe", room: `sphere:${b}` });
    hub.publish(sphereUpdated(a));
    hub.publish(sphereUpdated(b));
    expect((await inA.next((m) => m.type === "sphere.updated")).room).toBe(`sphere:${a}`);
    expect((await inB.next((m) => m.type === "sphere.updated")).room).toBe(`sphere:${b}`);
    expect(inB.received.filter((m) => m.room === `sphere:${a}`)).toEqual([]);
  });

  it("removes a socket from the rooms its user may no longer join when their access is re-checked", async () => {
    let allowed = true;
    const { hub, connect } = await startHub({ authorizeRoom: async () => (allowed ? cleared : null) });
    const userId = randomUUID();
    const sphere = randomUUID();
    const socket = await connect(userId);
    await socket.request({ type: "subscribe", room: `sphere:${sphere}` });
    allowed = false;
    await hub.revalidateUser(userId);
    expect(await socket.next((m) => m.type === "unsubscribed")).toEqual({ type: "unsubscribed", room: `sphere:${sphere}` });
  });

  it("hands each member of a room what the audience lets their clearance receive, and their own room in full", async () => {
    // Clearance: the user id's first character; "r" may receive the message, "p" a redacted form, others nothing.
    const { hub, connect } = await startHub({
      authorizeRoom: async (userId) => new Set([userId[0]!]),
      audience: (message, clearance) => {
        if (clearance.has("r")) return message;
        if (clearance.has("p") && message.type === "sphereMembership.changed") {
          return { type: "sphere.updated", room: message.room, data: { associationId: message.data.associationId, sphereId: message.data.sphereId } };
        }
        return null;
      },
    });
    const sphere = randomUUID();
    const [readerId, partialId, noneId] = ["r", "p", "n"].map((c) => `${c}${randomUUID().slice(1)}`) as [string, string, string];
    const [reader, partial, none] = [await connect(readerId), await connect(partialId), await connect(noneId)];
    for (const socket of [reader, partial, none]) await socket.request({ type: "subscribe", room: `sphere:${sphere}` });
    const change: ServerMessage = { type: "sphereMembership.changed", room: `sphere:${sphere}`, data: { associationId: "a", sphereId: sphere, userId: noneId, role: "member" } };
    hub.publish(change);
    // The user's own room is never filtered.
    hub.publish({ ...change, room: `user:${noneId}` });
    expect(await reader.next((m) => m.type === "sphereMembership.changed")).toEqual(change);
    expect(await partial.next((m) => m.type === "sphere.updated")).toEqual({ type: "sphere.updated", room: `sphere:${sphere}`, data: { associationId: "a", sphereId: sphere } });
    expect(await none.next((m) => m.type === "sphereMembership.changed")).toMatchObject({ room: `user:${noneId}` });
    expect(none.received.filter((m) => m.room === `sphere:${sphere}` && m.data)).toEqual([]);
    expect(partial.received.map((m) => m.type)).not.toContain("sphereMembership.changed");
  });

  it("takes a new clearance when access is re-checked, for one user or for a whole room", async () => {
    const clearances = new Map<string, string>();
    const { hub, connect } = await startHub({
      authorizeRoom: async (userId) => {
        const clearance = clearances.get(userId);
        return clearance ? new Set([clearance]) : null;
      },
      audience: (message, clearance) => (clearance.has("read") ? message : null),
      roomChangedFor: (message) => (message.type === "sphere.updated" && message.data.associationId === "closing" ? message.room : null),
    });
    const sphere = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    clearances.set(a, "none").set(b, "read");
    const socketA = await connect(a);
    const socketB = await connect(b);
    await socketA.request({ type: "subscribe", room: `sphere:${sphere}` });
    await socketB.request({ type: "subscribe", room: `sphere:${sphere}` });

    clearances.set(a, "read");
    await hub.revalidateUser(a);
    hub.publish({ type: "sphere.updated", room: `sphere:${sphere}`, data: { associationId: "first", sphereId: sphere } });
    expect(await socketA.next((m) => m.type === "sphere.updated")).toMatchObject({ data: { associationId: "first" } });

    // A change to the room itself: everyone in it is checked again; who may no longer join leaves it.
    clearances.delete(a);
    hub.publish({ type: "sphere.updated", room: `sphere:${sphere}`, data: { associationId: "closing", sphereId: sphere } });
    expect(await socketA.next((m) => m.type === "unsubscribed")).toEqual({ type: "unsubscribed", room: `sphere:${sphere}` });
    hub.publish({ type: "sphere.updated", room: `sphere:${sphere}`, data: { associationId: "after", sphereId: sphere } });
    await socketB.next((m) => m.type === "sphere.updated" && m.data?.associationId === "after");
    expect(socketB.received.map((m) => m.type)).not.toContain("unsubscribed");
    expect(socketA.received.filter((m) => m.data?.associationId === "after")).toEqual([]);
  });

  it("drops a socket that stops answering pings, and keeps those that answer", async () => {
    const { connect } = await startHub({ heartbeatMs: 40 });
    const alive = await connect(randomUUID());
    const dead = await connect(randomUUID(), { autoPong: false });
    expect((await dead.closed).code).toBe(1006);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("drops a client that does not read its messages instead of buffering them without end", async () => {
    const { hub, connect } = await startHub({ maxBufferedBytes: 64 * 1024 });
    const sphere = randomUUID();
    const slow = await connect(randomUUID());
    const fast = await connect(randomUUID());
    await slow.request({ type: "subscribe", room: `sphere:${sphere}` });
    await fast.request({ type: "subscribe", room: `sphere:${sphere}` });
    // Stop reading: the kernel buffers fill, then the server's own send buffer grows.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    let n = 0;
    while (hub.socketCount === 2 && n < 200_000) {
      hub.publish(sphereUpdated(sphere, n++));
      if (n % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(hub.socketCount).toBe(1);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await slow.closed).code).toBe(1006);
    hub.publish(sphereUpdated(sphere, -1));
    await fast.next((m) => (m.data as { associationId?: string } | undefined)?.associationId?.startsWith("n-1-") === true);
  });

  it("closes a socket that sends an oversized message (1009), a binary one or an invalid one (1008)", async () => {
    const { connect } = await startHub();
    const big = await connect(randomUUID());
    big.ws.send(JSON.stringify({ type: "ping", pad: "x".repeat(5000) }));
    expect((await big.closed).code).toBe(1009);
    const binary = await connect(randomUUID());
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(1008);
    const invalid = await connect(randomUUID());
    invalid.ws.send("{not json");
    expect((await invalid.closed).code).toBe(1008);
  });

  it("cuts off a client that floods subscriptions faster than they are authorised", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { connect } = await startHub({ authorizeRoom: () => gate.then(() => cleared) });
    const socket = await connect(randomUUID());
    for (let i = 0; i < 60; i++) socket.ws.send(JSON.stringify({ type: "subscribe", room: `sphere:${randomUUID()}` as RoomName }));
    expect((await socket.closed).code).toBe(1008);
    release();
  });

  it("limits the sockets of one user", async () => {
    const { connect } = await startHub({ maxSocketsPerUser: 2 });
    const userId = randomUUID();
    await connect(userId);
    await connect(userId);
    const third = await TestSocket.open(socketUrlOf(open[0]!.app), {
      cookie: `trame_session=${userId}`,
    });
    expect((await third.closed).code).toBe(4429);
  });
});

describe("real-time hub, closing ended sessions", () => {
  it("closes the sockets of the ended sessions with 4401, and no other", async () => {
    const { hub, connect } = await startHub();
    const userId = randomUUID();
    const [ended, kept] = [randomUUID(), randomUUID()];
    const endedSockets = [await connect(`${userId}.${ended}`), await connect(`${userId}.${ended}`)];
    const keptSocket = await connect(`${userId}.${kept}`);
    const withoutSession = await connect(userId);
    hub.disconnectSessions([ended]);
    for (const socket of endedSockets) expect(await socket.closed).toEqual({ code: 4401, reason: "session ended" });
    // Still served: a message in their user room reaches them.
    hub.publish({ type: "associationMembership.changed", room: `user:${userId}`, data: { associationId: randomUUID(), userId, role: "member" } });
    await keptSocket.next((m) => m.type === "associationMembership.changed");
    await withoutSession.next((m) => m.type === "associationMembership.changed");
  });

  it("closes a socket held by another node sharing the Redis relay", async () => {
    // Needs the Redis of REDIS_URL (default: the local one); unreachable, this test fails: it never skips.
    const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const nodeA = await startHub({ relay: new RedisRelay(redisUrl, logger, `test-hub-a-${randomUUID()}`) });
    const nodeB = await startHub({ relay: new RedisRelay(redisUrl, logger, `test-hub-b-${randomUUID()}`) });
    await Promise.all([nodeA.hub.start(), nodeB.hub.start()]);
    const userId = randomUUID();
    const [ended, kept] = [randomUUID(), randomUUID()];
    const onB = await nodeB.connect(`${userId}.${ended}`);
    const keptOnB = await nodeB.connect(`${userId}.${kept}`);
    nodeA.hub.disconnectSessions([ended]);
    expect((await onB.closed).code).toBe(4401);
    // The other session's socket on B is still served, through the relay too.
    nodeA.hub.publish({ type: "associationMembership.changed", room: `user:${userId}`, data: { associationId: randomUUID(), userId, role: "member" } });
    await keptOnB.next((m) => m.type === "associationMembership.changed");
    expect(keptOnB.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("announces the ended sessions before it stops, as an administration command's short-lived hub does", async () => {
    const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const command = new RealtimeHub({ relay: new RedisRelay(redisUrl, logger, `test-cli-${randomUUID()}`), authorizeRoom: allowAll, logger });
    const node = await startHub({ relay: new RedisRelay(redisUrl, logger, `test-node-${randomUUID()}`) });
    await Promise.all([command.start(), node.hub.start()]);
    const sessionId = randomUUID();
    const socket = await node.connect(`${randomUUID()}.${sessionId}`);
    command.disconnectSessions([sessionId]);
    await command.close();
    expect((await socket.closed).code).toBe(4401);
  });
});
