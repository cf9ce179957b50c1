// `npm run bench` runs every benchmark; `npm run bench -- <name>…` some of them. See bench/README.md.
import { parseArgs } from "node:util";
import pg from "pg";
import { benchmarks } from "./benchmarks/index.js";
import { datasetNames, generateDataset, type DatasetName } from "./datasets/generate.js";
import { createBenchDatabase, defaultServerUrl } from "./lib/bench-database.js";
import type { BenchOptions } from "./lib/benchmark.js";
import { formatFigure, writeResults } from "./lib/results.js";

const usage = `Usage: npm run bench -- [name…] [options]

Benchmarks: ${benchmarks.map((b) => `${b.name} (${b.dataset})`).join(", ")}

Options:
  --connections N   concurrent connections (default 50)
  --duration S      seconds measured per figure (default 10)
  --warmup S        seconds of warm-up before each measurement (default 3)
  --dataset S|L     only generate a dataset, print its facts, and keep its database
  --keep            keep the generated database(s) (their URL is printed)
  --list            list the benchmarks

PostgreSQL: the server of DATABASE_URL (default ${defaultServerUrl}); a fresh database is created for each dataset.`;

const { values, positionals } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    dataset: { type: "string" },
    keep: { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  allowPositionals: true,
});

const log = (line: string) => process.stderr.write(`· ${line}\n`);
const serverUrl = process.env.DATABASE_URL || defaultServerUrl;

function positiveNumber(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number.`);
    process.exit(1);
  }
  return n;
}

async function prepareDataset(name: DatasetName) {
  const database = await createBenchDatabase(serverUrl);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    log(`dataset ${name}: generating in ${database.name}`);
    const facts = await generateDataset(client, name);
    log(`dataset ${name}: ${JSON.stringify(facts.counts)} in ${facts.seconds.toFixed(1)} s`);
    return { database, facts };
  } catch (err) {
    await database.drop();
    throw err;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.list) {
    for (const b of benchmarks) console.log(`${b.name} [${b.dataset}] — ${b.description}`);
    return 0;
  }
  if (values.dataset) {
    const name = values.dataset.toUpperCase() as DatasetName;
    if (!datasetNames.includes(name)) {
      console.error(`Unknown dataset ${values.dataset}: ${datasetNames.join(", ")}.`);
      return 1;
    }
    const { database, facts } = await prepareDataset(name);
    console.log(JSON.stringify({ ...facts, databaseUrl: database.url }, null, 2));
    return 0;
  }
  const unknown = positionals.filter((p) => !benchmarks.some((b) => b.name === p));
  if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(", ")}. Known: ${benchmarks.map((b) => b.name).join(", ")}.`);
    return 1;
  }
  const selected = positionals.length ? benchmarks.filter((b) => positionals.includes(b.name)) : benchmarks;
  const options: BenchOptions = {
    connections: positiveNumber("connections", values.connections),
    durationSeconds: positiveNumber("duration", values.duration),
    warmupSeconds: Number(values.warmup) >= 0 ? Number(values.warmup) : 3,
  };

  // One database per dataset, shared by the benchmarks that use it (they only read).
  for (const datasetName of datasetNames) {
    const group = selected.filter((b) => b.dataset === datasetName);
    if (!group.length) continue;
    const { database, facts } = await prepareDataset(datasetName);
    try {
      for (const benchmark of group) {
        log(`${benchmark.name}: ${benchmark.description}`);
        const figures = await benchmark.run({ databaseUrl: database.url, facts, options, log });
        const file = writeResults(benchmark.name, datasetName, figures);
        for (const f of figures) console.log(formatFigure(benchmark.name, datasetName, f));
        log(`written ${file}`);
      }
    } finally {
      if (values.keep) log(`kept ${database.url}`);
      else await database.drop();
    }
  }
  return 0;
}

process.exit(await main());
