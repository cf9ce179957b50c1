import path from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { lockDataDir } from "./data-dir-lock.js";

export type Db = NodePgDatabase<Record<string, never>>;

export interface Database {
  /** Drizzle over the pool: what repositories use. */
  db: Db;
  pool: pg.Pool;
  /** A connection string other components (pg-boss) can use. */
  connectionString: string;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** Data directory of the embedded database; `memory` for a throw-away one (tests). */
  dataDir: string | "memory";
  poolSize: number;
}

// Timestamps come back as ISO strings: they cross the API as strings anyway, and this avoids Date↔string churn.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens PostgreSQL when a URL is given, otherwise PGlite in a worker thread behind pglite-socket. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
    pool.on("error", () => {
      // An idle client lost its connection (PostgreSQL restart): the pool replaces it on next use.
    });
    return {
      db: drizzle({ client: pool }),
      pool,
      connectionString: options.databaseUrl,
      kind: "postgres",
      close: () => pool.end(),
    };
  }
  const release = options.dataDir === "memory" ? () => {} : lockDataDir(options.dataDir);
  try {
    const { worker, conn } = await startPgliteWorker(
      options.dataDir === "memory" ? "memory://" : path.join(options.dataDir, "pglite"),
      // The process uses a single connection (below); a few more are accepted for diagnostics, never by the app.
      4,
    );
    const connectionString = `postgres://postgres@${conn}/postgres?sslmode=disable`;
    // ONE connection for the whole process (requests and pg-boss alike). PGlite executes one statement at a time
    // anyway, and pglite-socket's multiplexing of several connections interleaves their extended-protocol messages
    // outside transactions ("bind message supplies 3 parameters, but prepared statement requires 2").
    // The timeout turns a would-be deadlock (a query on the pool while a transaction holds it) into an error.
    const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 60_000 });
    pool.on("error", () => {});
    return {
      db: drizzle({ client: pool }),
      pool,
      connectionString,
      kind: "pglite",
      async close() {
        await pool.end();
        await stopPgliteWorker(worker);
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function startPgliteWorker(dataDir: string, maxConnections: number): Promise<{ worker: Worker; conn: string }> {
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: { dataDir, maxConnections },
    // The worker is plain JavaScript: no TypeScript loader is needed (nor wanted) there.
    execArgv: [],
  });
  const conn = await new Promise<string>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The embedded database stopped while starting (exit ${code}).`)));
    worker.once("message", (msg: { type: string; conn: string }) => {
      if (msg.type === "ready") resolve(msg.conn);
    });
  });
  return { worker, conn };
}

async function stopPgliteWorker(worker: Worker): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 10_000);
    worker.once("message", (msg: { type: string }) => {
      if (msg.type === "closed") {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve());
      }
    });
    worker.postMessage({ type: "close" });
  });
}
