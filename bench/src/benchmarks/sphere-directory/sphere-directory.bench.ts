import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../../../apps/server/src/config/env.js";
import { closeContext, createContext } from "../../../../apps/server/src/app/create-context.js";
import { openSession } from "../../../../apps/server/src/modules/accounts/accounts.public.js";
import { SESSION_COOKIE } from "../../../../apps/server/src/platform/http/request-actor.js";
import type { Benchmark, BenchEnv } from "../../lib/benchmark.js";
import { startChildServer, type ChildServer } from "../../lib/child-server.js";
import { loadUrl, type LoadResult } from "../../lib/load.js";
import type { Figure } from "../../lib/results.js";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Rows skipped before the deep page: half the federation's directory. */
const DEEP_ROWS = 10_000;
/** Sequential requests per scenario over which queries per request are counted. */
const COUNTED_REQUESTS = 20;
const P95_TARGET_MS = 50;
const THROUGHPUT_TARGET_RATIO = 0.5;

interface Scenario {
  key: string;
  label: string;
  /** Query string of the page, given the cursor the server itself handed out for the deep page. */
  query(deepCursor: string): string;
}

const scenarios: Scenario[] = [
  { key: "first-page", label: "first page", query: () => "" },
  // Accents folded: "saint-etienne" finds "Saint-Étienne" (trigram index on trame_fold(name)).
  { key: "search", label: "search ?q=saint-etienne", query: () => "?q=saint-etienne" },
  { key: "deep-page", label: `page after ${DEEP_ROWS} rows (cursor)`, query: (cursor) => `?cursor=${encodeURIComponent(cursor)}` },
];

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

async function getPage(server: ChildServer, path: string, cookie: string): Promise<Page> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  const body = (await res.json()) as Page;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Walks the directory 100 rows at a time; returns the cursor after `rows` rows, as the server encodes it. */
async function cursorAfter(server: ChildServer, base: string, cookie: string, rows: number): Promise<string> {
  let cursor: string | null = null;
  for (let seen = 0; seen < rows; seen += 100) {
    const page: Page = await getPage(server, `${base}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, cookie);
    if (!page.nextCursor) throw new Error(`the directory ended before ${rows} rows`);
    cursor = page.nextCursor;
  }
  return cursor!;
}

export const sphereDirectoryBenchmark: Benchmark = {
  name: "sphere-directory",
  dataset: "L",
  description:
    "GET /api/v1/associations/:id/spheres for a member of the 20,000-sphere federation (first page, search, deep page) " +
    "against bare Fastify + one hand-written SQL statement.",
  async run(env: BenchEnv): Promise<Figure[]> {
    const { databaseUrl, facts, options, log } = env;
    const cookie = await signIn(databaseUrl, facts.memberUserId);
    const base = `/api/v1/associations/${facts.associationId}/spheres`;

    log("starting the application and the baseline (child processes)");
    const app = await startChildServer(here("./app-server.ts"), [databaseUrl]);
    const baseline = await startChildServer(here("./baseline-server.ts"), [databaseUrl]);
    try {
      const deep = {
        app: await cursorAfter(app, base, cookie, DEEP_ROWS),
        baseline: await cursorAfter(baseline, base, cookie, DEEP_ROWS),
      };
      // Same answer, or the comparison means nothing.
      for (const s of scenarios) {
        const a = await getPage(app, base + s.query(deep.app), cookie);
        const b = await getPage(baseline, base + s.query(deep.baseline), cookie);
        if (a.items.length === 0) throw new Error(`${s.label}: the application returned an empty page`);
        if (!isDeepStrictEqual(a.items, b.items) || (a.nextCursor === null) !== (b.nextCursor === null)) {
          throw new Error(`${s.label}: the application and the baseline disagree:\n${JSON.stringify(a.items[0])}\n${JSON.stringify(b.items[0])}`);
        }
      }
      log("same pages from both; counting queries");

      let maxQueries = 0;
      for (const s of scenarios) {
        await app.call("resetQueryCount");
        for (let i = 0; i < COUNTED_REQUESTS; i++) await getPage(app, base + s.query(deep.app), cookie);
        const perRequest = (await app.call<number>("readQueryCount")) / COUNTED_REQUESTS;
        log(`${s.label}: ${perRequest.toFixed(2)} queries per request`);
        maxQueries = Math.max(maxQueries, perRequest);
      }

      const figures: Figure[] = [];
      for (const s of scenarios) {
        log(`load: ${s.label} — application`);
        const a = await measure(app, base + s.query(deep.app), cookie, env);
        log(`load: ${s.label} — baseline`);
        const b = await measure(baseline, base + s.query(deep.baseline), cookie, env);
        const ratio = a.requestsPerSecond / b.requestsPerSecond;
        figures.push(
          {
            metric: `${s.key}.throughput`,
            value: a.requestsPerSecond,
            baseline: b.requestsPerSecond,
            unit: "req/s",
            ratio,
            target: `≥ ${THROUGHPUT_TARGET_RATIO}× baseline`,
            meetsTarget: ratio >= THROUGHPUT_TARGET_RATIO,
          },
          {
            metric: `${s.key}.p95`,
            value: a.p95Ms,
            baseline: b.p95Ms,
            unit: "ms",
            ratio: a.p95Ms / b.p95Ms,
            target: `≤ ${P95_TARGET_MS} ms`,
            meetsTarget: a.p95Ms <= P95_TARGET_MS,
          },
        );
      }
      figures.push({ metric: "queries-per-request", value: maxQueries, baseline: 1, unit: "queries", ratio: maxQueries });
      return figures;
    } finally {
      await app.stop();
      await baseline.stop();
    }
  },
};

async function measure(server: ChildServer, path: string, cookie: string, env: BenchEnv): Promise<LoadResult> {
  const result = await loadUrl(`${server.url}${path}`, { ...env.options, headers: { cookie } });
  if (result.failures > 0) throw new Error(`${path}: ${result.failures} failed requests under load`);
  env.log(
    `  ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, ` +
      `p99 ${result.p99Ms.toFixed(1)} ms (${result.responses} responses)`,
  );
  return result;
}

/** A session of the benchmark's member, opened by the application's own session service. */
async function signIn(databaseUrl: string, userId: string): Promise<string> {
  const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", JOBS_ENABLED: "false" });
  const ctx = await createContext(config);
  try {
    const { token } = await openSession(ctx, userId, { userAgent: "trame-bench", ip: "127.0.0.1" });
    return `${SESSION_COOKIE}=${token}`;
  } finally {
    await closeContext(ctx);
  }
}
