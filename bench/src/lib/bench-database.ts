import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../../../apps/server/src/platform/db/database.js";
import { migrateDatabase } from "../../../apps/server/src/platform/db/migrate.js";

/** The PostgreSQL server benchmarks run on: DATABASE_URL's server, or the local one. */
export const defaultServerUrl = "postgres://postgres@127.0.0.1:5432/test";

export interface BenchDatabase {
  /** URL of the fresh database created for this run. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the server of `serverUrl`, with the application's own migrations applied (the same code the
 * server runs at start). Benchmarks never touch an existing database.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `trame_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "memory", poolSize: 2 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
