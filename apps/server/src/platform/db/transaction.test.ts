// The shared transaction helper, on real databases: the embedded one (where the database itself raises the
// SQLSTATE inside a real transaction: one connection cannot deadlock) and PostgreSQL, where two transactions really
// deadlock or fail to serialise. The PostgreSQL part needs DATABASE_URL's server, or 127.0.0.1:5432: when it is
// unreachable this file FAILS, it never skips.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainEventBus } from "../events/domain-events.js";
import { openDatabase, type Database } from "./database.js";
import { DEFAULT_RETRY_POLICY, retryDelayMs, runInTransaction, sqlStateOf, type Tx } from "./transaction.js";

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** The events heard on a bus: which attempts announced something. */
function listen(bus: DomainEventBus): string[] {
  const heard: string[] = [];
  bus.on("sphere.updated", ({ sphereId }) => heard.push(sphereId));
  return heard;
}

async function createCounters(database: Database): Promise<void> {
  await database.db.execute(sql`CREATE TABLE counters (id text PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
  await database.db.execute(sql`INSERT INTO counters (id) VALUES ('a'), ('b')`);
}

async function counter(database: Database, id: string): Promise<number> {
  const { rows } = await database.db.execute<{ n: number }>(sql`SELECT n FROM counters WHERE id = ${id}`);
  return rows[0]!.n;
}

const increment = (tx: Tx, id: string) => tx.execute(sql`UPDATE counters SET n = n + 1 WHERE id = ${id}`);

/** Makes the database itself abort the transaction with this SQLSTATE, as it does on a real conflict. */
const raise = (tx: Tx, sqlState: string) =>
  tx.execute(sql.raw(`DO $$ BEGIN RAISE EXCEPTION 'conflict for the test' USING ERRCODE = '${sqlState}'; END $$`));

/** A promise each side resolves and both await: the two transactions meet once both hold their first lock. */
function meeting(parties: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === parties) open();
    await opened;
  };
}

describe("runInTransaction on the embedded database", () => {
  let database: Database;
  const bus = new DomainEventBus();
  const heard = listen(bus);

  beforeAll(async () => {
    database = await openDatabase({ dataDir: "memory", poolSize: 1 });
    await createCounters(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(["40P01", "40001"])("runs the whole work again when the database rolls it back with %s, announcing only what committed", async (sqlState) => {
    heard.length = 0;
    const before = await counter(database, "a");
    let attempts = 0;
    const result = await runInTransaction({ db: database.db, events: bus }, async (tx, events) => {
      attempts++;
      await increment(tx, "a");
      events.add("sphere.updated", { associationId: "test", sphereId: `attempt ${attempts}` });
      if (attempts === 1) await raise(tx, sqlState);
      return attempts;
    });
    expect(result).toBe(2);
    // The first attempt's write rolled back with it, and its event was never emitted.
    expect(await counter(database, "a")).toBe(before + 1);
    expect(heard).toEqual(["attempt 2"]);
  });

  it("gives up after four attempts in all and answers the database's error", async () => {
    heard.length = 0;
    const before = await counter(database, "b");
    let attempts = 0;
    const failing = runInTransaction({ db: database.db, events: bus }, async (tx, events) => {
      attempts++;
      await increment(tx, "b");
      events.add("sphere.updated", { associationId: "test", sphereId: `attempt ${attempts}` });
      await raise(tx, "40001");
    });
    const err = await failing.catch((e: unknown) => e);
    expect(sqlStateOf(err)).toBe("40001");
    expect(attempts).toBe(DEFAULT_RETRY_POLICY.attempts);
    expect(DEFAULT_RETRY_POLICY.attempts).toBe(4);
    expect(await counter(database, "b")).toBe(before);
    expect(heard).toEqual([]);
  });

  it("never runs again work that failed for another reason", async () => {
    let attempts = 0;
    const unique = runInTransaction({ db: database.db, events: bus }, async (tx) => {
      attempts++;
      await tx.execute(sql`INSERT INTO counters (id) VALUES ('a')`);
    });
    expect(sqlStateOf(await unique.catch((e: unknown) => e))).toBe("23505");
    expect(attempts).toBe(1);

    attempts = 0;
    const mistake = runInTransaction({ db: database.db, events: bus }, async () => {
      attempts++;
      throw new Error("a rule of the service");
    });
    await expect(mistake).rejects.toThrow("a rule of the service");
    expect(attempts).toBe(1);
  });

  it("waits longer before each retry, by a random amount between half the step and the step", () => {
    const policy = { attempts: 4, baseDelayMs: 20 };
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([10, 20, 40]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([20, 40, 80]);
  });
});

describe("runInTransaction on PostgreSQL", () => {
  const databaseName = `trame_tx_${randomBytes(6).toString("hex")}`;
  let database: Database;
  const bus = new DomainEventBus();
  const heard = listen(bus);

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: "memory", poolSize: 4 });
    expect(database.kind).toBe("postgres");
    await createCounters(database);
  });
  afterAll(async () => {
    await database?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  });

  it("lets two transactions that deadlock both commit: the one PostgreSQL rolled back runs again", async () => {
    heard.length = 0;
    const bothHoldOne = meeting(2);
    const attempts = { ab: 0, ba: 0 };
    // Two transactions lock a then b, and b then a: a real deadlock, which PostgreSQL breaks by aborting one.
    const crossing = (name: "ab" | "ba", first: string, second: string) =>
      runInTransaction({ db: database.db, events: bus }, async (tx, events) => {
        const attempt = ++attempts[name];
        await increment(tx, first);
        events.add("sphere.updated", { associationId: "test", sphereId: `${name} ${attempt}` });
        if (attempt === 1) await bothHoldOne();
        await increment(tx, second);
      });
    await Promise.all([crossing("ab", "a", "b"), crossing("ba", "b", "a")]);
    expect(attempts.ab + attempts.ba).toBe(3);
    expect(await counter(database, "a")).toBe(2);
    expect(await counter(database, "b")).toBe(2);
    const retried = attempts.ab === 2 ? "ab" : "ba";
    expect(heard.sort()).toEqual([`${retried} 2`, `${retried === "ab" ? "ba" : "ab"} 1`].sort());
  });

  it("runs again a transaction that failed to serialise", async () => {
    const before = await counter(database, "a");
    const bothRead = meeting(2);
    let attempts = 0;
    // Repeatable read: the second to update a row both have read must fail (40001), and succeeds on a new snapshot.
    const readThenWrite = () =>
      runInTransaction({ db: database.db, events: bus }, async (tx) => {
        const attempt = ++attempts;
        await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
        await tx.execute(sql`SELECT n FROM counters WHERE id = 'a'`);
        if (attempt <= 2) await bothRead();
        await increment(tx, "a");
      });
    await Promise.all([readThenWrite(), readThenWrite()]);
    expect(attempts).toBe(3);
    expect(await counter(database, "a")).toBe(before + 2);
  });
});
