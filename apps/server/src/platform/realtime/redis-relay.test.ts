import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerMessage } from "@trame/contracts";
import { RedisRelay } from "./redis-relay.js";

// Needs the Redis of REDIS_URL (default: the local one). Unreachable, these tests fail: they never skip.
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const logger = pino({ level: "silent" });

const message = (sphereId: string): ServerMessage => ({ type: "sphere.updated", room: `sphere:${sphereId}`, data: { associationId: "a", sphereId } });

describe("Redis relay between nodes", () => {
  let admin: Redis;
  beforeAll(async () => {
    admin = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
    admin.on("error", () => {}); // reported by the connect() below
    await admin.connect().catch((err: Error) => {
      throw new Error(`Redis is required at ${redisUrl}: ${err.message}`);
    });
  });
  afterAll(async () => {
    admin?.disconnect();
  });

  async function startNode(name: string) {
    const received: ServerMessage[] = [];
    const ended: string[] = [];
    const relay = new RedisRelay(redisUrl, logger, name);
    await relay.start(
      (m) => received.push(m),
      (ids) => ended.push(...ids),
    );
    return { relay, received, ended };
  }

  /** Publishes until the other node has it: delivery is checked, not timed. */
  async function deliveredEventually(from: RedisRelay, to: ServerMessage[], sphereId: string): Promise<void> {
    while (!to.some((m) => m.type === "sphere.updated" && m.data.sphereId === sphereId)) {
      from.publish(message(sphereId));
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("brings a message published by one node to the others, not back to itself", async () => {
    const a = await startNode(`test-a-${randomUUID()}`);
    const b = await startNode(`test-b-${randomUUID()}`);
    const sphereId = randomUUID();
    a.relay.publish(message(sphereId));
    const sentinel = randomUUID();
    b.relay.publish(message(sentinel)); // once `a` has it, its own earlier message would be there too
    const has = (list: ServerMessage[], id: string) => list.some((m) => m.room === `sphere:${id}`);
    while (!has(a.received, sentinel) || !has(b.received, sphereId)) await new Promise((r) => setTimeout(r, 20));
    // Other test processes may share this Redis: only our own rooms are looked at.
    expect(b.received.filter((m) => m.room === `sphere:${sphereId}`)).toEqual([message(sphereId)]);
    expect(a.received.map((m) => m.room)).not.toContain(`sphere:${sphereId}`);
    await a.relay.close();
    await b.relay.close();
  });

  it("brings the ids of closed sessions to the other nodes, not back to the one that closed them", async () => {
    const a = await startNode(`test-a-${randomUUID()}`);
    const b = await startNode(`test-b-${randomUUID()}`);
    const [one, two] = [randomUUID(), randomUUID()];
    a.relay.publishSessionsEnded([one, two]);
    const sentinel = randomUUID();
    b.relay.publishSessionsEnded([sentinel]); // once `a` has it, its own earlier message would be there too
    while (!a.ended.includes(sentinel) || !b.ended.includes(two)) await new Promise((r) => setTimeout(r, 20));
    expect(b.ended.filter((id) => id === one || id === two)).toEqual([one, two]);
    expect(a.ended).not.toContain(one);
    await a.relay.close();
    await b.relay.close();
  });

  it("survives losing its Redis connections (as in a Redis restart) and relays again once reconnected", async () => {
    const nameA = `test-a-${randomUUID()}`;
    const nameB = `test-b-${randomUUID()}`;
    const a = await startNode(nameA);
    const b = await startNode(nameB);
    await deliveredEventually(a.relay, b.received, randomUUID());

    // Cut every connection of both nodes, as a restarting Redis would.
    const clients = (await admin.client("LIST")) as string;
    const ids = clients
      .split("\n")
      .filter((line) => line.includes(`name=${nameA}`) || line.includes(`name=${nameB}`))
      .map((line) => /(?:^|\s)id=(\d+)/.exec(line)?.[1]);
    expect(ids).toHaveLength(4);
    for (const id of ids) await admin.client("KILL", "ID", id!);
    a.relay.publish(message(randomUUID())); // during the outage: lost or late, but never a crash

    await deliveredEventually(a.relay, b.received, randomUUID());
    await deliveredEventually(b.relay, a.received, randomUUID());
    await a.relay.close();
    await b.relay.close();
  });
});
