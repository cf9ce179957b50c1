// Two server processes on one PostgreSQL and one Redis: an event caused through node A reaches a client of node B.
// Needs PostgreSQL (DATABASE_URL's server, or 127.0.0.1:5432) and Redis (REDIS_URL, or 127.0.0.1:6379): when
// either is unreachable this test FAILS, it never skips.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/env.js";
import { closeContext, createContext } from "./create-context.js";
import { openSession } from "../modules/accounts/accounts.public.js";
import { addToSphere, createAssociation, createMember, createSphere } from "../test/factories.js";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../platform/http/request-actor.js";
import { TestSocket } from "../platform/realtime/realtime.test-helpers.js";

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
// The real entry point, as `npm start` runs it.
const nodeScript = path.join(repoRoot, "apps/server/src/main.ts");

interface Node {
  name: string;
  port: number;
  process: ChildProcess;
  dataDir: string;
  exited: Promise<number | null>;
}

describe("real time across two nodes", () => {
  const databaseName = `trame_two_nodes_${randomBytes(6).toString("hex")}`;
  let databaseUrl: string;
  const nodes: Node[] = [];
  let member: { id: string; cookie: string; csrf: string };
  let watcherCookie: string;
  let ids: { associationId: string; sphereId: string };

  beforeAll(async () => {
    await assertRedisReachable();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();

    // Migrate and seed from this process (no Redis here), then start the nodes on the prepared database.
    const seedDir = await fs.mkdtemp(path.join(os.tmpdir(), "trame-seed-"));
    const ctx = await createContext(loadConfig({ DATABASE_URL: databaseUrl, TRAME_DATA_DIR: seedDir, LOG_LEVEL: "silent", JOBS_ENABLED: "false" }));
    try {
      const association = await createAssociation(ctx);
      const sphere = await createSphere(ctx, association.id, { visibility: "open" });
      ids = { associationId: association.id, sphereId: sphere.id };
      const user = await createMember(ctx, association.id, "member");
      const session = await openSession(ctx, user.id, { userAgent: "two-nodes", ip: "127.0.0.1" });
      member = { id: user.id, cookie: `${SESSION_COOKIE}=${session.token}; ${CSRF_COOKIE}=${session.csrfToken}`, csrf: session.csrfToken };
      const watcher = await createMember(ctx, association.id, "member");
      // One of the sphere's people: only they are told who joins it (see realtime-wiring.ts).
      await addToSphere(ctx, association.id, sphere.id, watcher.id, "member");
      watcherCookie = `${SESSION_COOKIE}=${(await openSession(ctx, watcher.id, { userAgent: "two-nodes", ip: "127.0.0.1" })).token}`;
    } finally {
      await closeContext(ctx);
      await fs.rm(seedDir, { recursive: true, force: true });
    }

    nodes.push(await startNode("A", databaseUrl), await startNode("B", databaseUrl));
    await Promise.all(nodes.map(waitUntilHealthy));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(nodes.map(stopNode));
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  it("delivers a membership change made through node A to the member's and the sphere's clients on node B, once", async () => {
    const [a, b] = nodes as [Node, Node];
    const memberSocket = await TestSocket.open(`ws://127.0.0.1:${b.port}/api/v1/realtime`, { cookie: member.cookie });
    await memberSocket.next((m) => m.type === "subscribed" && m.room === `user:${member.id}`);
    const watcherSocket = await TestSocket.open(`ws://127.0.0.1:${b.port}/api/v1/realtime`, { cookie: watcherCookie });
    await watcherSocket.next((m) => m.type === "subscribed");
    expect(await watcherSocket.request({ type: "subscribe", room: `sphere:${ids.sphereId}` })).toBe("subscribed");

    const base = `http://127.0.0.1:${a.port}/api/v1/associations/${ids.associationId}/spheres/${ids.sphereId}`;
    const headers = { cookie: member.cookie, [CSRF_HEADER]: member.csrf };
    const joined = await fetch(`${base}/join`, { method: "POST", headers });
    expect(joined.status).toBe(200);

    const expected = { type: "sphereMembership.changed", data: { ...ids, userId: member.id, role: "member" } };
    expect(await memberSocket.next((m) => m.type === "sphereMembership.changed")).toMatchObject({ ...expected, room: `user:${member.id}` });
    expect(await watcherSocket.next((m) => m.type === "sphereMembership.changed")).toMatchObject({ ...expected, room: `sphere:${ids.sphereId}` });

    // A second change, then: the first must have arrived exactly once before it (no double delivery through Redis).
    const left = await fetch(`${base}/leave`, { method: "POST", headers });
    expect(left.status).toBe(200);
    await memberSocket.next((m) => m.type === "sphereMembership.changed" && m.data?.role === null);
    const roles = memberSocket.received.filter((m) => m.type === "sphereMembership.changed").map((m) => m.data?.role);
    expect(roles).toEqual(["member", null]);
    memberSocket.close();
    watcherSocket.close();
  }, 60_000);
});

async function assertRedisReachable(): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on("error", () => {}); // reported by the connect() below
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`This test needs Redis at ${redisUrl}: ${(err as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startNode(name: string, databaseUrl: string): Promise<Node> {
  const port = await freePort();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `trame-node-${name}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    TRAME_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    // One node runs the jobs, as in a deployment with several web nodes.
    JOBS_ENABLED: name === "A" ? "true" : "false",
  };
  for (const key of ["PUBLIC_URL", "S3_BUCKET", "SMTP_URL"]) delete env[key];
  const child = spawn(process.execPath, ["--import", "tsx", nodeScript], { cwd: repoRoot, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, port, process: child, dataDir, exited };
}

async function waitUntilHealthy(node: Node): Promise<void> {
  let exitCode: number | null | undefined;
  void node.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`node ${node.name} stopped while starting (exit ${exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${node.port}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopNode(node: Node): Promise<void> {
  if (node.process.exitCode === null) {
    node.process.kill("SIGTERM");
    const timer = setTimeout(() => node.process.kill("SIGKILL"), 15_000);
    await node.exited;
    clearTimeout(timer);
  }
  await fs.rm(node.dataDir, { recursive: true, force: true });
}
