import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One figure of a benchmark, as QUALITY.md specifies the result files. */
export interface Figure {
  metric: string;
  /** Trame's figure. */
  value: number;
  /** The baseline's figure measured in the same run (null when a figure has no baseline). */
  baseline: number | null;
  unit: string;
  /** value / baseline: for throughput higher is better, for latency and counts lower is better. */
  ratio: number | null;
  /** The QUALITY.md target it is compared with, in words (printed, and kept in the file). */
  target?: string;
  /** Whether the target is met (absent when the figure has no target). */
  meetsTarget?: boolean;
}

export interface ResultRecord extends Figure {
  name: string;
  dataset: string;
  machine: string;
  date: string;
}

export const resultsDir = fileURLToPath(new URL("../../results", import.meta.url));

/** The machine in one line: figures from different machines are not comparable, ratios roughly are. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"} ×${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/** Writes bench/results/<name>.json: an array with one record per figure (written whole, then renamed). */
export function writeResults(name: string, dataset: string, figures: readonly Figure[]): string {
  const machine = describeMachine();
  const date = new Date().toISOString();
  const records: ResultRecord[] = figures.map((f) => ({ name, dataset, ...f, machine, date }));
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(records, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return file;
}

const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** One line per figure: `sphere-directory [L] first-page.p95: 12.3 ms (baseline 8.10 ms, ratio 1.52) — target ≤ 50 ms: met`. */
export function formatFigure(name: string, dataset: string, f: Figure): string {
  const baseline = f.baseline === null ? "" : ` (baseline ${round(f.baseline)} ${f.unit}, ratio ${f.ratio === null ? "n/a" : f.ratio.toFixed(2)})`;
  const target = f.target ? ` — target ${f.target}: ${f.meetsTarget ? "met" : "NOT MET"}` : "";
  return `${name} [${dataset}] ${f.metric}: ${round(f.value)} ${f.unit}${baseline}${target}`;
}
