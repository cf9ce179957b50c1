import autocannon from "autocannon";

export interface LoadOptions {
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the measured run. */
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  responses: number;
  /** Non-2xx responses and connection errors: a run with any is not a valid measurement. */
  failures: number;
}

/**
 * Loads one URL with autocannon: a warm-up (JIT, connection pools, PostgreSQL caches) whose figures are thrown
 * away, then the measured run. autocannon's histogram has no 95th percentile, so latencies are collected per
 * response and the percentiles computed exactly.
 */
export async function loadUrl(url: string, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await run(url, options, options.warmupSeconds, null);
  const latencies: number[] = [];
  const result = await run(url, options, options.durationSeconds, latencies);
  latencies.sort((a, b) => a - b);
  const ok = result["2xx"];
  return {
    requestsPerSecond: ok / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    responses: latencies.length,
    failures: result.non2xx + result.errors,
  };
}

function run(url: string, options: LoadOptions, seconds: number, latencies: number[] | null): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: seconds, headers: options.headers ?? {} },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (latencies) instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}
