import type { AppContext } from "../app-context.js";

export const STORAGE_SWEEP_JOB = "storage.sweep";

/**
 * Files younger than this are never swept: an upload in flight stores its file before the row that points to it
 * commits (files before rows), and this leaves it ample time to.
 */
const MIN_AGE_MS = 60 * 60 * 1000;
/** Keys checked against the database per query. */
const BATCH_SIZE = 500;

/**
 * A kind of file that rows point to by key (e.g. association logos). Modules register theirs; the platform never
 * knows their tables.
 */
export interface StorageKeySpace {
  /** Listed in storage, e.g. `associations/`. */
  prefix: string;
  /** The keys under the prefix that this key space owns: files of another kind under the same prefix are never touched. */
  pattern: RegExp;
  /** Which of these keys a row still references: ONE query for the whole batch (`WHERE key = ANY($1)`). */
  referenced(keys: string[]): Promise<Iterable<string>>;
}

/**
 * The key spaces whose unreferenced files the sweep deletes. A process killed between storing a file and
 * committing its row, or between that commit and the deletion of the replaced file, leaves a file no row names:
 * the sweep (daily, and once shortly after start) removes it.
 */
export class StorageSweep {
  readonly #spaces: StorageKeySpace[] = [];

  register(space: StorageKeySpace): void {
    this.#spaces.push(space);
  }

  get keySpaces(): readonly StorageKeySpace[] {
    return this.#spaces;
  }
}

export interface SweepOptions {
  /** Files last written from this instant on are kept (default: an hour ago). Tests pass a later one. */
  olderThan?: Date;
  /** Listing page size (see ListOptions.pageSize). */
  pageSize?: number;
  batchSize?: number;
}

/** The sweep: daily at 04:23 UTC, and ten minutes after a node starts working (catch-up after a crash). */
export function registerStorageSweepJobs(ctx: AppContext): void {
  ctx.jobs.register(STORAGE_SWEEP_JOB, async () => void (await sweepUnreferencedFiles(ctx)), { retryLimit: 1, expireInSeconds: 3600 });
  ctx.jobs.schedule(STORAGE_SWEEP_JOB, "23 4 * * *");
  ctx.jobs.runAfterStart(STORAGE_SWEEP_JOB, 600);
}

/**
 * Deletes the files of every key space that are old enough and that no row references; answers how many.
 * Streams the listing and checks it batch by batch: memory stays bounded whatever the size of the bucket.
 * A file can only become referenced while it is fresh (every upload has a new key), so a file found unreferenced
 * here stays so until it is deleted.
 */
export async function sweepUnreferencedFiles(
  ctx: Pick<AppContext, "storage" | "storageSweep" | "logger">,
  options: SweepOptions = {},
): Promise<number> {
  const olderThan = options.olderThan ?? new Date(Date.now() - MIN_AGE_MS);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let deleted = 0;
  for (const space of ctx.storageSweep.keySpaces) {
    const sweepBatch = async (keys: string[]) => {
      const referenced = new Set(await space.referenced(keys));
      for (const key of keys) {
        if (referenced.has(key)) continue;
        await ctx.storage.delete(key);
        deleted++;
      }
    };
    let batch: string[] = [];
    for await (const { key } of ctx.storage.list(space.prefix, { olderThan, pageSize: options.pageSize })) {
      if (!space.pattern.test(key)) continue;
      batch.push(key);
      if (batch.length >= batchSize) {
        await sweepBatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await sweepBatch(batch);
  }
  if (deleted > 0) ctx.logger.info({ deleted }, "deleted files that no row references");
  return deleted;
}
