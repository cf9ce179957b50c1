// Child process: the baseline — bare Fastify and one hand-written SQL statement through `pg` per request, returning
// the same page as the application's sphere directory (same visibility rule, same columns, same order, same cursor).
// It does the least possible work for that answer: no validation, no serializer, no policy layer, no ORM; the
// session check is folded into the statement.
import { createHash } from "node:crypto";
import Fastify from "fastify";
import pg from "pg";
import { serveParent } from "../../lib/child-server.js";

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: baseline-server.ts <database url>");

// The application's default pool size (DATABASE_POOL_SIZE), so both sides may hold as many connections.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });

function sessionToken(cookieHeader: string | undefined): string {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === "trame_session") return decodeURIComponent(value.join("="));
  }
  return "";
}

interface Query {
  q?: string;
  cursor?: string;
  limit?: string;
}

const app = Fastify({ logger: false });
app.get<{ Params: { associationId: string }; Querystring: Query }>("/api/v1/associations/:associationId/spheres", async (request) => {
  const limit = Math.min(Math.max(Number(request.query.limit ?? 20) || 20, 1), 100);
  const params: unknown[] = [
    createHash("sha256").update(sessionToken(request.headers.cookie)).digest("base64url"),
    request.params.associationId,
    limit + 1,
  ];
  let filters = "";
  const q = request.query.q?.trim();
  // The best plan known for each case, as an expert writing this query by hand would use it: a search of 3+
  // characters sorts its trigram-found matches (`|| ''` keeps the order but stops the planner from walking the
  // name index and filtering); browsing walks the name index.
  const order = q && q.length >= 3 ? "trame_fold(sp.name) || ''" : "trame_fold(sp.name)";
  if (q) {
    params.push(q.replace(/[\\%_]/g, (c) => `\\${c}`));
    filters += ` AND trame_fold(sp.name) LIKE '%' || trame_fold($${params.length}) || '%'`;
  }
  if (request.query.cursor) {
    const [name, id] = JSON.parse(Buffer.from(request.query.cursor, "base64url").toString("utf8")) as [string, string];
    params.push(name, id);
    filters += ` AND (trame_fold(sp.name), sp.id) > ($${params.length - 1}::text, $${params.length}::uuid)`;
  }
  const { rows } = await pool.query(
    `SELECT sp.id, sp.name, sp.description, sp.visibility, sp.parent_id AS "parentId", sp.member_count AS "memberCount",
            sp.archived_at IS NOT NULL AS archived, sm.role AS "myRole", jr.id IS NOT NULL AS "hasPendingRequest",
            trame_fold(sp.name) AS "sortName"
     FROM sessions se
     JOIN association_members am ON am.user_id = se.user_id AND am.association_id = $2
     JOIN spheres sp ON sp.association_id = am.association_id
     LEFT JOIN sphere_members sm ON sm.sphere_id = sp.id AND sm.association_id = sp.association_id AND sm.user_id = se.user_id
     LEFT JOIN sphere_join_requests jr
       ON jr.sphere_id = sp.id AND jr.association_id = sp.association_id AND jr.user_id = se.user_id AND jr.status = 'pending'
     WHERE se.id = $1 AND se.expires_at > now()
       AND sp.archived_at IS NULL
       AND (am.role IN ('owner', 'admin') OR (am.role = 'member' AND sp.visibility <> 'secret') OR sm.user_id IS NOT NULL)
       ${filters}
     ORDER BY ${order}, sp.id
     LIMIT $3`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last ? Buffer.from(JSON.stringify([last.sortName, last.id])).toString("base64url") : null;
  for (const item of items) delete item.sortName;
  return { items, nextCursor };
});

await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
serveParent(typeof address === "object" && address ? address.port : 0, {}, async () => {
  await app.close();
  await pool.end();
});
