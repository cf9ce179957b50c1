import type { Benchmark } from "../lib/benchmark.js";
import { sphereDirectoryBenchmark } from "./sphere-directory/sphere-directory.bench.js";

/** Every benchmark `npm run bench` runs, in order. Adding one is one line here. */
export const benchmarks: readonly Benchmark[] = [sphereDirectoryBenchmark];
