// Runs PGlite in a worker thread (PGlite blocks the thread it runs on) and serves it over the PostgreSQL
// wire protocol with pglite-socket, so the main thread talks to it through `pg` exactly as to PostgreSQL.
// Plain JavaScript on purpose: a worker must start under node, tsx and vitest alike.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, maxConnections } = workerData;
// The same extensions on every open: a database created with them cannot be reopened without them.
const db = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
await server.start();
const conn = server.getServerConn();
parentPort.postMessage({ type: "ready", conn });
parentPort.on("message", async (msg) => {
  if (msg?.type === "close") {
    try {
      await server.stop();
      await db.close();
    } finally {
      parentPort.postMessage({ type: "closed" });
    }
  }
});
