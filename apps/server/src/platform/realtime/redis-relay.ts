import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";
import type { ServerMessage } from "@trame/contracts";
import type { RealtimeRelay } from "./realtime-relay.js";

// One channel for the instance: each node receives every message and delivers it to the sockets it holds in the
// message's room. Per-room channels would save bandwidth only with very many nodes, at the price of subscription
// churn on every join and leave.
// How long a starting node waits for its subscription before serving anyway (Redis down: it keeps retrying).
const subscribeWait = 5_000;

/**
 * What crosses the channel: a room's event, or an instruction to every node, told apart by `type`. The publishing
 * node (`origin`) has acted on its own sockets already. An envelope without `type` is an event (as sent before
 * instructions existed); a node that does not know a type ignores it.
 */
type Envelope =
  | { origin: string; type?: "event"; message: ServerMessage }
  /** Sessions closed on the origin node: every node closes the sockets opened with them. Ids only, never tokens. */
  | { origin: string; type: "sessions.ended"; sessionIds: string[] };

/**
 * Redis pub/sub between the nodes of an instance. A Redis restart is survived: ioredis reconnects and
 * resubscribes; messages published meanwhile are lost (clients refetch what they show when they reconnect).
 */
export class RedisRelay implements RealtimeRelay {
  private readonly nodeId = randomUUID();
  private readonly channel: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  /** `name` labels the two connections (CLIENT LIST), e.g. to tell nodes apart. */
  constructor(
    url: string,
    private readonly logger: FastifyBaseLogger,
    name = "trame-realtime",
    keyPrefix = "trame:",
  ) {
    this.channel = `${keyPrefix}realtime:v1`;
    // Pending publishes fail after two reconnection attempts instead of piling up during a long outage.
    this.publisher = new Redis(url, { maxRetriesPerRequest: 2, connectionName: `${name}-pub` });
    // No ready check on the subscriber: its INFO could reach Redis after SUBSCRIBE (ioredis issue 2037), be refused
    // in subscriber mode, and drop the connection, losing what is published until it has resubscribed.
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, connectionName: `${name}-sub`, enableReadyCheck: false });
    watchConnection(this.publisher, "publisher", logger);
    watchConnection(this.subscriber, "subscriber", logger);
  }

  async start(deliver: (message: ServerMessage) => void, endSessions: (sessionIds: string[]) => void): Promise<void> {
    this.subscriber.on("message", (_channel: string, text: string) => {
      let envelope: Envelope;
      try {
        envelope = JSON.parse(text) as Envelope;
      } catch {
        this.logger.warn("ignored an unreadable real-time message from Redis");
        return;
      }
      if (typeof envelope !== "object" || envelope === null || envelope.origin === this.nodeId) return;
      if (envelope.type === "sessions.ended") {
        if (Array.isArray(envelope.sessionIds)) endSessions(envelope.sessionIds.filter((id): id is string => typeof id === "string"));
      } else if ((envelope.type ?? "event") === "event" && envelope.message) {
        deliver(envelope.message);
      }
    });
    const subscribed = this.subscriber.subscribe(this.channel).then(
      () => true,
      (err: unknown) => {
        this.logger.warn({ err }, "real-time relay: could not subscribe to Redis yet");
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), subscribeWait);
    });
    const ok = await Promise.race([subscribed, waited]);
    clearTimeout(timer);
    if (!ok) this.logger.warn("real-time relay: Redis is not reachable; events reach only this node's clients until it is");
  }

  publish(message: ServerMessage): void {
    this.send({ origin: this.nodeId, type: "event", message }).catch((err: unknown) => {
      this.logger.warn({ err, type: message.type, room: message.room }, "real-time relay: an event could not be sent to other nodes");
    });
  }

  publishSessionsEnded(sessionIds: string[]): void {
    this.send({ origin: this.nodeId, type: "sessions.ended", sessionIds }).catch((err: unknown) => {
      // Those sockets stay open on the other nodes until they reconnect (then refused): the sessions are gone.
      this.logger.warn({ err, count: sessionIds.length }, "real-time relay: closed sessions could not be announced to other nodes");
    });
  }

  private send(envelope: Envelope): Promise<number> {
    return this.publisher.publish(this.channel, JSON.stringify(envelope));
  }

  async close(): Promise<void> {
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
  }
}

/** Logs an outage once and its end once, instead of every reconnection attempt; never lets an error crash the node. */
function watchConnection(redis: Redis, role: string, logger: FastifyBaseLogger): void {
  let down = false;
  redis.on("error", (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: err.message, role }, "real-time relay: lost Redis, reconnecting");
  });
  redis.on("ready", () => {
    if (!down) return;
    down = false;
    logger.info({ role }, "real-time relay: Redis is back");
  });
}

async function quit(redis: Redis): Promise<void> {
  try {
    await Promise.race([redis.quit(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000).unref())]);
  } catch {
    redis.disconnect();
  }
}
