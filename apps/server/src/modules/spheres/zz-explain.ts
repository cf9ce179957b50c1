// Temporary: EXPLAIN ANALYZE of the sphere directory on a generated L-size dataset (PostgreSQL). Not committed.
import pg from "pg";
import { loadConfig } from "../../config/env.js";
import { createContext, closeContext } from "../../app/create-context.js";
import { listDirectoryRows, type DirectoryQuery } from "./spheres.repository.js";

const admin = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/test" });
await admin.connect();
const name = "trame_explain_directory";
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = `postgres://postgres@127.0.0.1:5432/${name}`;
const ctx = await createContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent", JOBS_ENABLED: "false" }));
const q = (text: string, params: unknown[] = []) => ctx.database.pool.query(text, params);
console.time("generate");
await q(`INSERT INTO users (email, display_name) SELECT 'u' || g || '@example.org', 'Membre ' || g FROM generate_series(1, 50000) g`);
await q(`INSERT INTO associations (name, slug) SELECT CASE WHEN g = 1 THEN 'Grande fédération' ELSE 'Association ' || g END, 'a' || g FROM generate_series(1, 300) g`);
const big = (await q(`SELECT id FROM associations WHERE slug = 'a1'`)).rows[0].id as string;
await q(`INSERT INTO association_members (association_id, user_id, role)
         SELECT $1, id, CASE WHEN row_number() OVER (ORDER BY id) <= 5 THEN 'admin' WHEN row_number() OVER (ORDER BY id) <= 100 THEN 'guest' ELSE 'member' END FROM users`, [big]);
const regions = ["Île-de-France", "Bretagne", "Occitanie", "Normandie", "Grand Est", "Hauts-de-France", "Corse", "Provence", "Auvergne", "Bourgogne", "Centre", "Pays de la Loire", "Nouvelle-Aquitaine"];
const themes = ["jardins", "vélo", "théâtre", "solidarité", "bureau", "trésorerie", "accueil", "communication", "éducation", "numérique"];
await q(`INSERT INTO spheres (association_id, name, visibility)
         SELECT $1, ($2::text[])[1 + g % 13] || ' ' || ($3::text[])[1 + (g / 13) % 10] || ' ' || g,
                (ARRAY['open','private','public','open','private','open','private','open','private','secret'])[1 + g % 10]
         FROM generate_series(1, 20000) g`, [big, regions, themes]);
await q(`INSERT INTO spheres (association_id, name, visibility)
         SELECT a.id, ($1::text[])[1 + g % 13] || ' ' || g, 'open' FROM associations a, generate_series(1, 20) g WHERE a.id <> $2`, [regions, big]);
// ~250,000 memberships: each member of the big association in about five of its spheres.
await q(`INSERT INTO sphere_members (sphere_id, association_id, user_id, role)
         SELECT s.id, $1, m.user_id, CASE WHEN random() < 0.02 THEN 'manager' ELSE 'member' END
         FROM association_members m
         CROSS JOIN LATERAL (SELECT id FROM spheres WHERE association_id = $1 AND m.user_id IS NOT NULL ORDER BY random() LIMIT 5) s
         WHERE m.association_id = $1
         ON CONFLICT DO NOTHING`, [big]);
await q(`UPDATE spheres s SET member_count = c.n FROM (SELECT sphere_id, count(*) n FROM sphere_members GROUP BY sphere_id) c WHERE c.sphere_id = s.id`);
await q(`INSERT INTO sphere_join_requests (association_id, sphere_id, user_id) SELECT $1, id, (SELECT user_id FROM association_members WHERE association_id = $1 AND role = 'member' ORDER BY user_id LIMIT 1) FROM spheres WHERE association_id = $1 AND visibility = 'private' ORDER BY id LIMIT 300 ON CONFLICT DO NOTHING`, [big]);
await q(`ANALYZE`);
console.timeEnd("generate");
console.log((await q(`SELECT (SELECT count(*) FROM spheres) spheres, (SELECT count(*) FROM spheres WHERE association_id = $1) big_spheres, (SELECT count(*) FROM association_members) members, (SELECT count(*) FROM sphere_members) memberships`, [big])).rows[0]);

const memberId = (await q(`SELECT user_id FROM association_members WHERE association_id = $1 AND role = 'member' ORDER BY user_id LIMIT 1`, [big])).rows[0].user_id as string;
const guestId = (await q(`SELECT user_id FROM association_members WHERE association_id = $1 AND role = 'guest' LIMIT 1`, [big])).rows[0].user_id as string;
const middle = (await q(`SELECT trame_fold(name) AS name, id FROM spheres WHERE association_id = $1 ORDER BY trame_fold(name), id OFFSET 12000 LIMIT 1`, [big])).rows[0];

const base: DirectoryQuery = { associationId: big, userId: memberId, scope: "visible", includeArchived: false, after: null, limit: 20 };
const cases: Array<[string, DirectoryQuery]> = [
  ["member, first page", base],
  ["member, page at row 12,000", { ...base, after: { name: middle.name, id: middle.id } }],
  ["admin, first page", { ...base, scope: "all" }],
  ["member, q=ile", { ...base, q: "ile" }],
  ["member, q=bretagne jardins", { ...base, q: "bretagne jardins" }],
  ["member, q=il (2 letters)", { ...base, q: "il" }],
  ["member, mine", { ...base, scope: "mine" }],
  ["guest", { ...base, userId: guestId, scope: "mine" }],
];
for (const [label, query] of cases) {
  const { sql, params } = listDirectoryRows(ctx.db, query).toSQL();
  await q(sql, params); // warm
  const plan = (await q(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]).join("\n");
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await q(sql, params);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`\n===== ${label}: median ${times[10]!.toFixed(2)} ms, max ${times[19]!.toFixed(2)} ms (client side)\n${plan}`);
}
await closeContext(ctx);
