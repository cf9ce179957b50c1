import type { DatasetFacts, DatasetName } from "../datasets/generate.js";
import type { Figure } from "./results.js";

export interface BenchOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface BenchEnv {
  /** The fresh database holding the dataset. */
  databaseUrl: string;
  facts: DatasetFacts;
  options: BenchOptions;
  /** Progress lines (stderr), kept apart from the figures (stdout). */
  log(line: string): void;
}

/** A benchmark: measures Trame and its baseline in the same run, on one dataset, and returns its figures. */
export interface Benchmark {
  name: string;
  dataset: DatasetName;
  description: string;
  run(env: BenchEnv): Promise<Figure[]>;
}
