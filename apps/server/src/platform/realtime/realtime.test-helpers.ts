// A WebSocket client for tests: collects what the hub sends and waits for a message matching a predicate.
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import WebSocket from "ws";

/** Makes an app listen on a free local port and returns the address of its real-time endpoint. */
export async function listenForSockets(app: Pick<FastifyInstance, "listen" | "server">): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return socketUrlOf(app);
}

/** The real-time endpoint of an app that already listens. */
export function socketUrlOf(app: Pick<FastifyInstance, "server">): string {
  return `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/realtime`;
}

export type Received = { type: string; room?: string; data?: Record<string, unknown> };

export class TestSocket {
  readonly received: Received[] = [];
  private waiters: { match: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const message = JSON.parse(data.toString()) as Received;
      this.received.push(message);
      this.waiters = this.waiters.filter((w) => !(w.match(message) && (w.resolve(message), true)));
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens a socket; resolves once the handshake is done (the hub may still close it right after). */
  static async open(url: string, headers: Record<string, string> = {}, options: WebSocket.ClientOptions = {}): Promise<TestSocket> {
    const ws = new WebSocket(url, { ...options, headers });
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return socket;
  }

  /** The first message (already received or to come) that matches. */
  next(match: (m: Received) => boolean): Promise<Received> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Sends a control message and waits for the hub's reply about this room. */
  async request(message: { type: "subscribe" | "unsubscribe"; room: string }): Promise<string> {
    const from = this.received.length;
    this.ws.send(JSON.stringify(message));
    const reply = await this.next(
      (m) => this.received.indexOf(m) >= from && m.room === message.room && ["subscribed", "unsubscribed", "denied"].includes(m.type),
    );
    return reply.type;
  }

  close(): void {
    this.ws.close();
  }
}
