import { createHash } from "node:crypto";
import type pg from "pg";
import { departments, firstNames, groupKinds, lastNames, regions, sqlTextArray, themes, towns } from "./names.js";

/**
 * Benchmark datasets (QUALITY.md), generated with bulk SQL (INSERT … SELECT generate_series) straight into the
 * application's tables, on a database the application's migrations created. Everything is deterministic: ids are
 * md5 hashes of (dataset, kind, number), so the generator and the benchmark compute the same ids without a lookup.
 *
 * - S: one association of 120 members and 12 spheres (a neighbourhood association).
 * - L: an instance of 300 associations and 50,000 accounts. The federation (association #0) has every account as
 *   member and 20,000 spheres (national → 13 regions → 100 departments → local groups); the 299 others have
 *   20–399 members each (people belong to several associations) and 10 spheres each.
 */
export type DatasetName = "S" | "L";
export const datasetNames: readonly DatasetName[] = ["S", "L"];

export interface DatasetFacts {
  name: DatasetName;
  /** The association benchmarks look at (S's only one; L's 20,000-sphere federation). */
  associationId: string;
  /** A plain member of it: in some spheres (two secret ones included) and with pending join requests. */
  memberUserId: string;
  /** Its owner. */
  ownerUserId: string;
  counts: Record<"associations" | "users" | "associationMembers" | "spheres" | "spheresOfAssociation" | "sphereMembers", number>;
  seconds: number;
}

/**
 * The uuid the generator gives to object `n` of `kind`: md5 of "dataset:kind:n" with the version (4) and variant
 * bits of RFC 4122 set, because the API validates ids as real uuids. Computed the same way here and in SQL
 * (pg_temp.bench_uuid, created for the generating session).
 */
export function datasetId(dataset: DatasetName, kind: "u" | "a" | "s", n: number | string): string {
  const h = createHash("md5").update(`${dataset}:${kind}:${n}`).digest("hex");
  const variant = "89ab"[parseInt(h[16]!, 16) % 4]!;
  const hex = `${h.slice(0, 12)}4${h.slice(13, 16)}${variant}${h.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const createUuidFunction = `
  CREATE FUNCTION pg_temp.bench_uuid(seed text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3)
            || substr('89ab', (position(substr(h, 17, 1) in '0123456789abcdef') - 1) % 4 + 1, 1) || substr(h, 18))::uuid
    FROM md5(seed) AS h
  $$`;

const sqlId = (dataset: DatasetName, kind: "u" | "a" | "s", expr: string) => `pg_temp.bench_uuid('${dataset}:${kind}:' || (${expr}))`;

/** The plain member the benchmarks sign in as: user #1 (user #0 owns the association). */
const MEMBER = 1;

export async function generateDataset(client: pg.ClientBase, name: DatasetName): Promise<DatasetFacts> {
  const started = performance.now();
  await client.query("BEGIN");
  try {
    await client.query(createUuidFunction);
    if (name === "S") await generateS(client);
    else await generateL(client);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
  // Fresh statistics and visibility map, as a database that has lived a while would have.
  await client.query(
    "VACUUM ANALYZE users, associations, association_members, spheres, sphere_members, sphere_join_requests, sphere_creation_requests",
  );
  const associationId = datasetId(name, "a", 0);
  const { rows } = await client.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM associations)::int AS associations,
            (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM association_members)::int AS "associationMembers",
            (SELECT count(*) FROM spheres)::int AS spheres,
            (SELECT count(*) FROM spheres WHERE association_id = $1)::int AS "spheresOfAssociation",
            (SELECT count(*) FROM sphere_members)::int AS "sphereMembers"`,
    [associationId],
  );
  const counts = rows[0] as DatasetFacts["counts"];
  // The ids computed here and in SQL must agree, or every benchmark would measure "not found".
  if (counts.spheresOfAssociation === 0) throw new Error(`dataset ${name}: datasetId() and pg_temp.bench_uuid() disagree`);
  return {
    name,
    associationId,
    memberUserId: datasetId(name, "u", MEMBER),
    ownerUserId: datasetId(name, "u", 0),
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Users 0…count-1 with French names; a few write in English. */
function insertUsers(dataset: DatasetName, count: number): string {
  const fn = sqlTextArray(firstNames);
  const ln = sqlTextArray(lastNames);
  const first = `(${fn})[1 + n % ${firstNames.length}]`;
  // Mixed so that a small dataset gets varied surnames too.
  const last = `(${ln})[1 + (7 * n + n / ${firstNames.length}) % ${lastNames.length}]`;
  return `
    INSERT INTO users (id, email, display_name, language, created_at, updated_at)
    SELECT ${sqlId(dataset, "u", "n")},
           regexp_replace(trame_fold(${first} || '.' || ${last}), '[^a-z0-9.]+', '-', 'g') || '.' || n || '@exemple.fr',
           ${first} || ' ' || ${last},
           CASE WHEN n % 25 = 24 THEN 'en' ELSE 'fr' END,
           now() - (n % 900) * interval '1 day', now() - (n % 900) * interval '1 day'
    FROM generate_series(0, ${count - 1}) AS n`;
}

/** Sphere member counts are kept by the service; the generator sets them once, from the rows. */
const updateMemberCounts = `
  UPDATE spheres sp SET member_count = c.n
  FROM (SELECT sphere_id, count(*)::int AS n FROM sphere_members GROUP BY sphere_id) c
  WHERE c.sphere_id = sp.id`;

async function generateS(client: pg.ClientBase): Promise<void> {
  const d: DatasetName = "S";
  const users = 120;
  await client.query(insertUsers(d, users));
  await client.query(
    `INSERT INTO associations (id, name, slug, sphere_creation_policy)
     VALUES (${sqlId(d, "a", "0")}, 'Les Ateliers du Vieux-Lyon', 'ateliers-vieux-lyon', 'request')`,
  );
  await client.query(`
    INSERT INTO association_members (association_id, user_id, role, joined_at)
    SELECT ${sqlId(d, "a", "0")}, ${sqlId(d, "u", "n")},
           CASE WHEN n = 0 THEN 'owner' WHEN n BETWEEN 2 AND 4 THEN 'admin' WHEN n >= 117 THEN 'guest' ELSE 'member' END,
           now() - (n % 700) * interval '1 day'
    FROM generate_series(0, ${users - 1}) AS n`);
  // [name, visibility, parent index]
  const spheres: [string, string, number | null][] = [
    ["Bureau", "secret", null],
    ["Conseil d'administration", "private", null],
    ["Vie de quartier", "public", null],
    ["Ateliers", "open", null],
    ["Atelier couture", "open", 3],
    ["Atelier vélo", "open", 3],
    ["Atelier numérique", "private", 3],
    ["Fête de quartier 2025", "open", 2],
    ["Jardin partagé des Pentes", "public", 2],
    ["Aide aux devoirs", "private", null],
    ["Trésorerie", "secret", 1],
    ["Communication et journal", "open", null],
  ];
  const values = spheres
    .map(
      ([name, visibility, parent], i) =>
        `(${sqlId(d, "s", `'0:${i}'`)}, ${sqlId(d, "a", "0")}, ${parent === null ? "NULL::uuid" : sqlId(d, "s", `'0:${parent}'`)}, ` +
        `'${name.replaceAll("'", "''")}', 'Espace « ${name.replaceAll("'", "''")} » de l''association.', '${visibility}', ${sqlId(d, "u", "0")})`,
    )
    .join(",\n");
  await client.query(
    `INSERT INTO spheres (id, association_id, parent_id, name, description, visibility, created_by) VALUES ${values}`,
  );
  // Sphere i has 3 + (7·i mod 23) members among users 0…116 (guests 117…119 are in one sphere each, as guests).
  await client.query(`
    INSERT INTO sphere_members (sphere_id, association_id, user_id, role, joined_at)
    SELECT ${sqlId(d, "s", "'0:' || i")}, ${sqlId(d, "a", "0")}, ${sqlId(d, "u", "(i * 13 + k * 7) % 117")},
           CASE WHEN k = 0 THEN 'manager' WHEN k = 1 THEN 'moderator' ELSE 'member' END, now() - k * interval '3 days'
    FROM generate_series(0, ${spheres.length - 1}) AS i, generate_series(0, 2 + (7 * i) % 23) AS k
    ON CONFLICT DO NOTHING`);
  await client.query(`
    INSERT INTO sphere_members (sphere_id, association_id, user_id, role)
    SELECT ${sqlId(d, "s", "'0:' || (g - 115)")}, ${sqlId(d, "a", "0")}, ${sqlId(d, "u", "g")}, 'guest'
    FROM generate_series(117, 119) AS g
    ON CONFLICT DO NOTHING`);
  await insertMemberFacts(client, d, [0, 10], [1, 6, 9]);
  await client.query(updateMemberCounts);
}

async function generateL(client: pg.ClientBase): Promise<void> {
  const d: DatasetName = "L";
  const users = 50_000;
  const federationSpheres = 20_000;
  const otherAssociations = 299;
  const spheresPerOther = 10;
  const top = 1 + regions.length; // Bureau national + the regions
  const middleEnd = top + 100; // departments
  await client.query(insertUsers(d, users));

  const tw = sqlTextArray(towns);
  const gk = sqlTextArray(groupKinds);
  const th = sqlTextArray(themes);
  const rg = sqlTextArray(regions);
  const dp = sqlTextArray(departments);

  // Association #0, the federation; #1…#299 territorial or independent associations (one in three is federated).
  await client.query(`
    INSERT INTO associations (id, name, slug, parent_id, sphere_creation_policy, created_at, updated_at)
    SELECT ${sqlId(d, "a", "j")},
           CASE WHEN j = 0 THEN 'Fédération nationale des Solidarités de proximité'
                ELSE (${gk})[1 + j % ${groupKinds.length}] || ' ' || (${th})[1 + j % ${themes.length}] || ' de ' || (${tw})[1 + j % ${towns.length}] END,
           CASE WHEN j = 0 THEN 'federation-solidarites' ELSE 'association-' || j END,
           CASE WHEN j > 0 AND j % 3 = 0 THEN ${sqlId(d, "a", "0")} END,
           (ARRAY['admins','request','members'])[1 + j % 3],
           now() - j * interval '1 day', now() - j * interval '1 day'
    FROM generate_series(0, ${otherAssociations}) AS j`);

  // Every account is a member of the federation: 1 owner, 9 admins, 100 guests (external partners), the rest members.
  await client.query(`
    INSERT INTO association_members (association_id, user_id, role, joined_at)
    SELECT ${sqlId(d, "a", "0")}, ${sqlId(d, "u", "n")},
           CASE WHEN n = 0 THEN 'owner' WHEN n BETWEEN 2 AND 10 THEN 'admin' WHEN n % 500 = 499 THEN 'guest' ELSE 'member' END,
           now() - (n % 900) * interval '1 day'
    FROM generate_series(0, ${users - 1}) AS n`);
  // Association j has c(j) = 20 + 53·j mod 380 members: member k is user (7919·j + 104729·k) mod 50,000 — distinct
  // for distinct k because 104729 is prime to 50,000.
  const memberOf = (j: string, k: string) => `(7919 * ${j} + 104729 * (${k})) % ${users}`;
  await client.query(`
    INSERT INTO association_members (association_id, user_id, role, joined_at)
    SELECT ${sqlId(d, "a", "j")}, ${sqlId(d, "u", memberOf("j", "k"))},
           CASE WHEN k = 0 THEN 'owner' WHEN k <= 2 THEN 'admin' ELSE 'member' END,
           now() - k * interval '1 day'
    FROM generate_series(1, ${otherAssociations}) AS j, generate_series(0, 19 + (53 * j) % 380) AS k`);

  // The federation's spheres: 0 = "Bureau national" (secret); 1…13 regions; 14…113 departments under a region;
  // the rest local groups under a department. Visibility of local groups: 5 % secret, 35 % private, 40 % open,
  // 20 % public; 2 % archived.
  await client.query(`
    INSERT INTO spheres (id, association_id, parent_id, name, description, visibility, archived_at, created_by, created_at, updated_at)
    SELECT ${sqlId(d, "s", "'0:' || i")}, ${sqlId(d, "a", "0")},
           CASE WHEN i < ${top} THEN NULL
                WHEN i < ${middleEnd} THEN ${sqlId(d, "s", `'0:' || (1 + (i - ${top}) % ${regions.length})`)}
                ELSE ${sqlId(d, "s", `'0:' || (${top} + i % 100)`)} END,
           CASE WHEN i = 0 THEN 'Bureau national'
                WHEN i < ${top} THEN 'Région ' || (${rg})[i]
                WHEN i < ${middleEnd} THEN 'Coordination ' || (${dp})[1 + (i - ${top}) % ${departments.length}]
                ELSE (${gk})[1 + i % ${groupKinds.length}] || ' ' || (${th})[1 + (i / ${groupKinds.length}) % ${themes.length}]
                     || ' — ' || (${tw})[1 + (i / ${groupKinds.length * themes.length}) % ${towns.length}] END,
           'Actions, comptes rendus et prochaines rencontres du groupe.',
           CASE WHEN i = 0 THEN 'secret'
                WHEN i < ${top} THEN (ARRAY['public','open'])[1 + i % 2]
                WHEN i < ${middleEnd} THEN (ARRAY['open','private'])[1 + i % 2]
                WHEN i % 20 = 0 THEN 'secret'
                WHEN i % 20 < 8 THEN 'private'
                WHEN i % 20 < 16 THEN 'open'
                ELSE 'public' END,
           CASE WHEN i >= ${middleEnd} AND i % 50 = 49 THEN now() - interval '30 days' END,
           ${sqlId(d, "u", "0")}, now() - (i % 1000) * interval '1 hour', now() - (i % 1000) * interval '1 hour'
    FROM generate_series(0, ${federationSpheres - 1}) AS i`);
  // The other associations: 10 spheres each, one of every visibility, the last five under the first five.
  await client.query(`
    INSERT INTO spheres (id, association_id, parent_id, name, description, visibility, created_at, updated_at)
    SELECT ${sqlId(d, "s", "j || ':' || s")}, ${sqlId(d, "a", "j")},
           CASE WHEN s >= 5 THEN ${sqlId(d, "s", "j || ':' || (s - 5)")} END,
           (${gk})[1 + (j + s) % ${groupKinds.length}] || ' ' || (${th})[1 + (j * 3 + s) % ${themes.length}],
           'Espace de travail du groupe.',
           (ARRAY['secret','private','open','public'])[1 + s % 4],
           now() - s * interval '1 day', now() - s * interval '1 day'
    FROM generate_series(1, ${otherAssociations}) AS j, generate_series(0, ${spheresPerOther - 1}) AS s`);

  // Federation sphere i has 1 + 37·i mod 15 members (8 on average): member k is user (7919·i + 104729·k) mod 50,000.
  await client.query(`
    INSERT INTO sphere_members (sphere_id, association_id, user_id, role, joined_at)
    SELECT ${sqlId(d, "s", "'0:' || i")}, ${sqlId(d, "a", "0")}, ${sqlId(d, "u", "u")},
           CASE WHEN u % 500 = 499 THEN 'guest' WHEN k = 0 THEN 'manager' WHEN k = 1 AND m > 3 THEN 'moderator' ELSE 'member' END,
           now() - k * interval '5 days'
    FROM generate_series(0, ${federationSpheres - 1}) AS i,
         LATERAL (SELECT 1 + (37 * i) % 15 AS m) AS mm,
         LATERAL generate_series(0, mm.m - 1) AS k,
         LATERAL (SELECT (7919 * i + 104729 * k) % ${users} AS u) AS uu`);
  // Other associations: sphere s of association j has 1 + (j + s) mod 8 of its members.
  await client.query(`
    INSERT INTO sphere_members (sphere_id, association_id, user_id, role, joined_at)
    SELECT ${sqlId(d, "s", "j || ':' || s")}, ${sqlId(d, "a", "j")},
           ${sqlId(d, "u", memberOf("j", `(31 * s + k) % (20 + (53 * j) % 380)`))},
           CASE WHEN k = 0 THEN 'manager' ELSE 'member' END, now() - k * interval '2 days'
    FROM generate_series(1, ${otherAssociations}) AS j, generate_series(0, ${spheresPerOther - 1}) AS s,
         LATERAL generate_series(0, (j + s) % 8) AS k`);

  // The benchmark's member: in 50 local groups (every 397th from #114; two of them secret), plus three more
  // secret ones; manager of one.
  await insertMemberFacts(
    client,
    d,
    [...Array.from({ length: 50 }, (_, t) => middleEnd + 1 + 397 * t), 120, 140, 160],
    Array.from({ length: 10 }, (_, t) => 201 + 200 * t),
  );
  // A few sphere creation requests waiting for the federation's admins.
  await client.query(`
    INSERT INTO sphere_creation_requests (association_id, requested_by, name, visibility, parent_id, reason)
    SELECT ${sqlId(d, "a", "0")}, ${sqlId(d, "u", "100 + r")},
           'Collectif ' || (${th})[1 + r % ${themes.length}] || ' — ' || (${tw})[1 + r % ${towns.length}], 'open',
           ${sqlId(d, "s", `'0:' || (${top} + r)`)}, 'Nous sommes une dizaine à vouloir nous organiser.'
    FROM generate_series(0, 19) AS r`);
  await client.query(updateMemberCounts);
}

/**
 * The benchmark member's memberships (`spheres`, sphere numbers in association #0; manager of the first) and pending
 * join requests (`requested`, spheres they are not in).
 */
async function insertMemberFacts(client: pg.ClientBase, d: DatasetName, spheres: number[], requested: number[]): Promise<void> {
  await client.query(
    `INSERT INTO sphere_members (sphere_id, association_id, user_id, role)
     SELECT ${sqlId(d, "s", "'0:' || i")}, ${sqlId(d, "a", "0")}, ${sqlId(d, "u", String(MEMBER))},
            CASE WHEN o = 1 THEN 'manager' ELSE 'member' END
     FROM unnest($1::int[]) WITH ORDINALITY AS t(i, o)
     ON CONFLICT DO NOTHING`,
    [spheres],
  );
  await client.query(
    `INSERT INTO sphere_join_requests (association_id, sphere_id, user_id, message)
     SELECT ${sqlId(d, "a", "0")}, ${sqlId(d, "s", "'0:' || i")}, ${sqlId(d, "u", String(MEMBER))},
            'Bonjour, je souhaiterais rejoindre ce groupe.'
     FROM unnest($1::int[]) AS t(i)
     WHERE NOT EXISTS (SELECT 1 FROM sphere_members m
                       WHERE m.sphere_id = ${sqlId(d, "s", "'0:' || i")} AND m.user_id = ${sqlId(d, "u", String(MEMBER))})`,
    [requested],
  );
}
