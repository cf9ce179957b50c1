// Child process: the real application (buildApp on createContext, as `trame serve` builds it, without the web app)
// on the benchmark's PostgreSQL database, jobs off, logs silent. Counts the SQL statements it sends.
import os from "node:os";
import pg from "pg";
import { loadConfig } from "../../../../apps/server/src/config/env.js";
import { buildApp } from "../../../../apps/server/src/app/build-app.js";
import { closeContext, createContext } from "../../../../apps/server/src/app/create-context.js";
import { serveParent } from "../../lib/child-server.js";

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: app-server.ts <database url>");

// Every statement goes through pg.Client#query (pool.query included): counting there counts them all.
let queries = 0;
const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = prototype.query;
prototype.query = function (this: unknown, ...args: unknown[]) {
  queries++;
  return originalQuery.apply(this, args);
};

const config = loadConfig({
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: "silent",
  JOBS_ENABLED: "false",
  TRAME_DATA_DIR: os.tmpdir(),
});
const ctx = await createContext(config);
const app = await buildApp(ctx);
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
serveParent(
  typeof address === "object" && address ? address.port : 0,
  {
    resetQueryCount: () => {
      queries = 0;
      return 0;
    },
    readQueryCount: () => queries,
  },
  async () => {
    await app.close();
    await closeContext(ctx);
  },
);
