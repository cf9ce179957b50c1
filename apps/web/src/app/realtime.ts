import { useEffect, useRef } from "react";
import type { ClientMessage, RoomName, ServerEventName, ServerMessage } from "@trame/contracts";
import { backoffDelay } from "./text";

type Listener = (message: ServerMessage) => void;

const PING_INTERVAL_MS = 25_000;
/** The server's close code for a socket without a live session: never signed in, or its session was closed. */
const SESSION_ENDED_CODE = 4401;

/**
 * One WebSocket per tab to /api/v1/realtime, authenticated by the session cookie. Rooms are reference-counted
 * (several components may want the same sphere) and re-joined after every reconnection; reconnection backs off
 * exponentially so a restarting server is not hammered by every open tab at once.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private readonly rooms = new Map<RoomName, number>();
  private readonly listeners = new Set<Listener>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly sessionEndedListeners = new Set<() => void>();
  private attempt = 0;
  private everConnected = false;
  private reconnectTimer: number | undefined;
  private pingTimer: number | undefined;
  private active = false;

  constructor(private readonly url: () => string) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    this.connect();
  }

  /** On sign-out: close, forget the rooms, stop reconnecting. */
  stop(): void {
    this.active = false;
    window.clearTimeout(this.reconnectTimer);
    window.clearInterval(this.pingTimer);
    this.rooms.clear();
    this.everConnected = false;
    this.attempt = 0;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
  }

  subscribe(room: RoomName): () => void {
    const count = this.rooms.get(room) ?? 0;
    this.rooms.set(room, count + 1);
    if (count === 0) this.send({ type: "subscribe", room });
    return () => {
      const current = this.rooms.get(room) ?? 0;
      if (current <= 1) {
        this.rooms.delete(room);
        this.send({ type: "unsubscribe", room });
      } else {
        this.rooms.set(room, current - 1);
      }
    };
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after a reconnection: events may have been missed while away, so cached data should be re-read. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /**
   * Called when the server closed the socket because the session is no longer valid (signed out here or elsewhere,
   * password changed): the client stops instead of reconnecting in a loop, and the app reads its session again.
   */
  onSessionEnded(listener: () => void): () => void {
    this.sessionEndedListeners.add(listener);
    return () => this.sessionEndedListeners.delete(listener);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    if (!this.active) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener("open", () => {
      const reconnected = this.everConnected;
      this.everConnected = true;
      this.attempt = 0;
      for (const room of this.rooms.keys()) this.send({ type: "subscribe", room });
      window.clearInterval(this.pingTimer);
      this.pingTimer = window.setInterval(() => this.send({ type: "ping" }), PING_INTERVAL_MS);
      if (reconnected) for (const listener of this.reconnectListeners) listener();
    });
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (isServerMessage(message)) for (const listener of this.listeners) listener(message);
    });
    socket.addEventListener("close", (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      window.clearInterval(this.pingTimer);
      if (event.code === SESSION_ENDED_CODE) {
        // Paused, rooms kept: if the same person is still signed in (a new session), start() picks up where it was.
        this.active = false;
        window.clearTimeout(this.reconnectTimer);
        for (const listener of this.sessionEndedListeners) listener();
        return;
      }
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (!this.active) return;
    window.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = window.setTimeout(() => this.connect(), backoffDelay(this.attempt));
    this.attempt += 1;
  }
}

function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { type?: unknown; data?: unknown };
  return typeof candidate.type === "string" && typeof candidate.data === "object" && candidate.data !== null;
}

export const realtime = new RealtimeClient(() => {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/api/v1/realtime`;
});

/** Runs `handler` for each server event of the given types while the component is mounted. */
export function useRealtimeEvents<K extends ServerEventName>(
  types: readonly K[],
  handler: (message: Extract<ServerMessage, { type: K }>) => void,
): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const key = types.join(",");
  useEffect(() => {
    const wanted = new Set<string>(key.split(","));
    return realtime.on((message) => {
      if (wanted.has(message.type)) handlerRef.current(message as Extract<ServerMessage, { type: K }>);
    });
  }, [key]);
}

/** Stays in a room (e.g. `sphere:<id>`) while the component is mounted. */
export function useRealtimeRoom(room: RoomName | null): void {
  useEffect(() => {
    if (!room) return;
    return realtime.subscribe(room);
  }, [room]);
}
