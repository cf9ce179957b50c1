import type { FastifyBaseLogger } from "fastify";
import WebSocket from "ws";
import type { ClientMessage, HubReply, RoomName, ServerMessage } from "@trame/contracts";
import { parseClientMessage, userRoom } from "./client-messages.js";
import type { RealtimeRelay } from "./realtime-relay.js";

/**
 * What a person let into a room may receive there. Opaque to the hub: the composition root puts in it the
 * permissions the policy gives them over what the room shows, and reads it back in `audience`.
 */
export type RoomClearance = ReadonlySet<string>;

/**
 * Whether this user may be in this room now (the same answer as "may they read it"), and with what clearance:
 * null when they may not. Injected by the composition root.
 */
export type RoomAuthorizer = (userId: string, room: RoomName) => Promise<RoomClearance | null>;

/**
 * What one member of a room receives of a message published there, by their clearance: the message itself, another
 * (redacted) form of it, or nothing (null). Never asked for a user's own room, which only carries what concerns them.
 */
export type RoomAudience = (message: ServerMessage, clearance: RoomClearance) => ServerMessage | null;

export interface RealtimeHubOptions {
  relay: RealtimeRelay;
  authorizeRoom: RoomAuthorizer;
  /** Without one, every member of a room receives every message of it. */
  audience?: RoomAudience;
  /**
   * For a message passing through this node (published here or relayed), the user whose access may have just
   * changed: their sockets' rooms are checked again, and rooms they may no longer join are left.
   */
  accessChangedFor?: (message: ServerMessage) => string | null;
  /**
   * For a message passing through this node, the room whose members' access may have just changed (e.g. a sphere
   * made secret): every member of it on this node is checked again.
   */
  roomChangedFor?: (message: ServerMessage) => RoomName | null;
  logger: FastifyBaseLogger;
  /** Interval between pings; a socket that did not answer the previous one is dropped. */
  heartbeatMs?: number;
  /** A socket whose unsent data exceeds this is a slow consumer: it is dropped rather than buffered without end. */
  maxBufferedBytes?: number;
  maxRoomsPerSocket?: number;
  maxSocketsPerUser?: number;
}

interface Connection {
  socket: WebSocket;
  userId: string;
  /** The session the socket was opened with (null: none, as in the hub's own tests); closing it closes the socket. */
  sessionId: string | null;
  /** The rooms the socket is in, with its user's clearance in each (their own room: none needed). */
  rooms: Map<RoomName, RoomClearance>;
  alive: boolean;
  /** Messages of one socket are handled in order, one at a time; this is the tail of its queue. */
  queue: Promise<void>;
  queued: number;
}

/** Close codes the web app reacts to (4000–4999 are the application's own). */
export const closeCodes = {
  /** No live session at upgrade time. The web app reads its session again instead of reconnecting. */
  unauthenticated: 4401,
  /**
   * The socket's session was closed (sign-out, here or elsewhere, password reset or change): deliberately the same
   * code as `unauthenticated`, since the client must react the same way; the reason text tells them apart in logs.
   */
  sessionEnded: 4401,
  originRefused: 4403,
  tooManySockets: 4429,
  invalidMessage: 1008,
  goingAway: 1001,
} as const;

const maxQueuedMessages = 50;

const ownRoomClearance: RoomClearance = new Set();

/**
 * The real-time hub of one node: sockets of signed-in users, grouped in rooms (`user:`, `association:`,
 * `sphere:`). A socket is in its user's room from the start and joins other rooms only when the authorizer says
 * yes, with the clearance it gives; it leaves them (or its clearance changes) when its user's access changes.
 * Messages go to this node's sockets and, through the relay, to the other nodes'; each node hands every member
 * of a room what the audience lets them receive.
 */
export class RealtimeHub {
  private readonly rooms = new Map<RoomName, Set<Connection>>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly bySession = new Map<string, Set<Connection>>();
  /** Bumped whenever a user's access is re-checked, so a subscription authorised before that is checked again. */
  private readonly accessRevision = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly heartbeatMs: number;
  private readonly maxBufferedBytes: number;
  private readonly maxRoomsPerSocket: number;
  private readonly maxSocketsPerUser: number;
  private closed = false;

  constructor(private readonly options: RealtimeHubOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
    this.maxRoomsPerSocket = options.maxRoomsPerSocket ?? 200;
    this.maxSocketsPerUser = options.maxSocketsPerUser ?? 32;
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts receiving other nodes' messages. */
  start(): Promise<void> {
    return this.options.relay.start(
      (message) => this.deliverLocally(message),
      (sessionIds) => this.disconnectSessionsLocally(sessionIds),
    );
  }

  get socketCount(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  /** Takes over an open socket of a signed-in user, opened with `sessionId` (the session's id, never its token). */
  attach(socket: WebSocket, userId: string, sessionId: string | null): void {
    if (this.closed) {
      socket.close(closeCodes.goingAway, "server shutting down");
      return;
    }
    const own = this.byUser.get(userId) ?? new Set<Connection>();
    if (own.size >= this.maxSocketsPerUser) {
      socket.close(closeCodes.tooManySockets, "too many connections");
      return;
    }
    const conn: Connection = { socket, userId, sessionId, rooms: new Map(), alive: true, queue: Promise.resolve(), queued: 0 };
    own.add(conn);
    this.byUser.set(userId, own);
    if (sessionId) {
      const ofSession = this.bySession.get(sessionId) ?? new Set<Connection>();
      ofSession.add(conn);
      this.bySession.set(sessionId, ofSession);
    }
    socket.on("pong", () => {
      conn.alive = true;
    });
    socket.on("message", (data, isBinary) => this.enqueue(conn, data, isBinary));
    socket.on("close", () => this.detach(conn));
    this.join(conn, userRoom(userId), ownRoomClearance);
    this.reply(conn, { type: "subscribed", room: userRoom(userId) });
  }

  /** Sends a message to everyone in its room, on every node. */
  publish(message: ServerMessage): void {
    if (this.closed) return;
    this.deliverLocally(message);
    this.options.relay.publish(message);
  }

  /**
   * Closes the sockets opened with these sessions, on every node: called once the sessions are deleted, so that a
   * signed-out browser stops receiving its rooms' events. Only the ids (digests of the tokens) cross the relay.
   */
  disconnectSessions(sessionIds: readonly string[]): void {
    if (this.closed || sessionIds.length === 0) return;
    this.disconnectSessionsLocally(sessionIds);
    this.options.relay.publishSessionsEnded([...sessionIds]);
  }

  /**
   * Checks again every room the user's sockets on this node are in: leaves those they may no longer join, and
   * takes the new clearance in the others.
   */
  async revalidateUser(userId: string): Promise<void> {
    const conns = this.byUser.get(userId);
    if (!conns) return;
    this.accessRevision.set(userId, (this.accessRevision.get(userId) ?? 0) + 1);
    const rooms = new Set<RoomName>();
    for (const conn of conns) for (const room of conn.rooms.keys()) if (room !== userRoom(userId)) rooms.add(room);
    for (const room of rooms) await this.recheck(userId, [...conns], room);
  }

  /** Checks again every member of a room on this node (once per user), as revalidateUser does for one user. */
  async revalidateRoom(room: RoomName): Promise<void> {
    const members = this.rooms.get(room);
    if (!members || room.startsWith("user:")) return;
    const byUser = new Map<string, Connection[]>();
    for (const conn of members) byUser.set(conn.userId, [...(byUser.get(conn.userId) ?? []), conn]);
    for (const [userId, conns] of byUser) {
      this.accessRevision.set(userId, (this.accessRevision.get(userId) ?? 0) + 1);
      await this.recheck(userId, conns, room);
    }
  }

  /** Closes every socket (clients reconnect, possibly to another node). Used when the node stops. */
  disconnectAll(code: number = closeCodes.goingAway, reason = "server shutting down"): void {
    for (const conns of this.byUser.values()) for (const conn of conns) conn.socket.close(code, reason);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.disconnectAll();
    await this.options.relay.close();
  }

  private disconnectSessionsLocally(sessionIds: readonly string[]): void {
    for (const sessionId of sessionIds) {
      const conns = this.bySession.get(sessionId);
      if (!conns) continue;
      for (const conn of conns) conn.socket.close(closeCodes.sessionEnded, "session ended");
    }
  }

  private async recheck(userId: string, conns: Connection[], room: RoomName): Promise<void> {
    const clearance = await this.authorize(userId, room);
    for (const conn of conns) {
      if (!conn.rooms.has(room)) continue;
      if (clearance) {
        conn.rooms.set(room, clearance);
      } else {
        this.leave(conn, room);
        this.reply(conn, { type: "unsubscribed", room });
      }
    }
  }

  private deliverLocally(message: ServerMessage): void {
    const members = this.rooms.get(message.room);
    if (members) {
      // A user's own room carries only what concerns them; any other room, what each member's clearance allows.
      const audience = message.room.startsWith("user:") ? undefined : this.options.audience;
      const payloads = new Map<ServerMessage, string>();
      for (const conn of members) {
        const shown = audience ? audience(message, conn.rooms.get(message.room) ?? ownRoomClearance) : message;
        if (!shown) continue;
        let payload = payloads.get(shown);
        if (payload === undefined) {
          payload = JSON.stringify(shown);
          payloads.set(shown, payload);
        }
        this.send(conn, payload);
      }
    }
    const userId = this.options.accessChangedFor?.(message);
    if (userId) {
      this.revalidateUser(userId).catch((err: unknown) => this.options.logger.error({ err, userId }, "could not re-check real-time rooms"));
    }
    const room = this.options.roomChangedFor?.(message);
    if (room) {
      this.revalidateRoom(room).catch((err: unknown) => this.options.logger.error({ err, room }, "could not re-check a real-time room"));
    }
  }

  private enqueue(conn: Connection, data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) {
      conn.socket.close(closeCodes.invalidMessage, "text messages only");
      return;
    }
    const message = parseClientMessage(data.toString());
    if (!message) {
      conn.socket.close(closeCodes.invalidMessage, "invalid message");
      return;
    }
    // A client that floods faster than its subscriptions are authorised is cut off, not queued without end.
    if (conn.queued >= maxQueuedMessages) {
      conn.socket.close(closeCodes.invalidMessage, "too many messages");
      return;
    }
    conn.queued++;
    conn.queue = conn.queue
      .then(() => this.handle(conn, message))
      .catch((err: unknown) => this.options.logger.error({ err }, "real-time message failed"))
      .finally(() => {
        conn.queued--;
      });
  }

  private async handle(conn: Connection, message: ClientMessage): Promise<void> {
    if (conn.socket.readyState !== WebSocket.OPEN) return;
    switch (message.type) {
      case "ping":
        this.reply(conn, { type: "pong" });
        return;
      case "unsubscribe":
        this.leave(conn, message.room);
        this.reply(conn, { type: "unsubscribed", room: message.room });
        return;
      case "subscribe": {
        const room = message.room;
        if (conn.rooms.has(room)) {
          this.reply(conn, { type: "subscribed", room });
          return;
        }
        const clearance = conn.rooms.size < this.maxRoomsPerSocket ? await this.authorizeStable(conn.userId, room) : null;
        if (conn.socket.readyState !== WebSocket.OPEN) return;
        if (clearance) this.join(conn, room, clearance);
        this.reply(conn, { type: clearance ? "subscribed" : "denied", room });
      }
    }
  }

  /** Authorises, and again if the user's access was re-checked meanwhile (a removal racing this subscription). */
  private async authorizeStable(userId: string, room: RoomName): Promise<RoomClearance | null> {
    for (;;) {
      const revision = this.accessRevision.get(userId) ?? 0;
      const clearance = await this.authorize(userId, room);
      if ((this.accessRevision.get(userId) ?? 0) === revision) return clearance;
    }
  }

  private async authorize(userId: string, room: RoomName): Promise<RoomClearance | null> {
    // Only one's own user room; no authorizer can grant another user's.
    if (room.startsWith("user:")) return room === userRoom(userId) ? ownRoomClearance : null;
    try {
      return await this.options.authorizeRoom(userId, room);
    } catch (err) {
      this.options.logger.error({ err, room }, "real-time room authorisation failed");
      return null;
    }
  }

  private join(conn: Connection, room: RoomName, clearance: RoomClearance): void {
    conn.rooms.set(room, clearance);
    const members = this.rooms.get(room) ?? new Set<Connection>();
    members.add(conn);
    this.rooms.set(room, members);
  }

  private leave(conn: Connection, room: RoomName): void {
    conn.rooms.delete(room);
    const members = this.rooms.get(room);
    if (!members) return;
    members.delete(conn);
    if (members.size === 0) this.rooms.delete(room);
  }

  private detach(conn: Connection): void {
    for (const room of [...conn.rooms.keys()]) this.leave(conn, room);
    const own = this.byUser.get(conn.userId);
    own?.delete(conn);
    if (own && own.size === 0) {
      this.byUser.delete(conn.userId);
      this.accessRevision.delete(conn.userId);
    }
    if (conn.sessionId) {
      const ofSession = this.bySession.get(conn.sessionId);
      ofSession?.delete(conn);
      if (ofSession && ofSession.size === 0) this.bySession.delete(conn.sessionId);
    }
  }

  private reply(conn: Connection, reply: HubReply): void {
    this.send(conn, JSON.stringify(reply));
  }

  private send(conn: Connection, payload: string): void {
    if (conn.socket.readyState !== WebSocket.OPEN) return;
    if (conn.socket.bufferedAmount > this.maxBufferedBytes) {
      this.options.logger.warn({ userId: conn.userId }, "dropped a real-time client that does not keep up");
      conn.socket.terminate();
      return;
    }
    conn.socket.send(payload);
  }

  private beat(): void {
    for (const conns of this.byUser.values()) {
      for (const conn of conns) {
        if (!conn.alive) {
          conn.socket.terminate();
          continue;
        }
        conn.alive = false;
        conn.socket.ping();
      }
    }
  }
}
