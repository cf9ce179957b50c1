import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./database.js";

const migrationsFolder = fileURLToPath(new URL("../../db/migrations", import.meta.url));

/**
 * Applies pending migrations. An advisory lock serialises nodes that start together on one PostgreSQL,
 * so two of them never apply the same migration at once.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(827346512)");
    try {
      const { drizzle } = await import("drizzle-orm/node-postgres");
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock(827346512)");
    }
  } finally {
    client.release();
  }
}
