import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ChecksumStream } from "./checksum-stream.js";
import { contentTypeOfKey } from "./content-types.js";
import {
  assertValidStorageKey,
  isValidStorageKey,
  type ListedObject,
  type ListOptions,
  type PutOptions,
  type StorageDriver,
  type StoredObject,
} from "./storage-driver.js";

const temporarySuffix = ".tmp";

/**
 * Files under the data directory. A put writes `.<name>.<random>.tmp` beside the final file, fsyncs it, renames
 * it over the final name and fsyncs the directory: after a crash at any point, the final name holds the old
 * object or the new one, whole. Killed writers leave only dot-prefixed temporary files, which keys can never
 * name (see assertValidStorageKey) and removeStaleTemporaryFiles sweeps.
 */
export class LocalStorageDriver implements StorageDriver {
  private closed = false;

  constructor(private readonly root: string) {}

  async put(key: string, body: Readable | Buffer, options: PutOptions): Promise<{ size: number; checksum: string }> {
    const finalPath = this.pathOf(key);
    const directory = path.dirname(finalPath);
    await makeDurableDirectory(directory);
    const temporaryPath = path.join(directory, `.${path.basename(finalPath)}.${randomBytes(6).toString("hex")}${temporarySuffix}`);
    const counter = new ChecksumStream(Buffer.isBuffer(body) ? undefined : options.contentLength);
    const handle = await fs.open(temporaryPath, "wx", 0o640);
    try {
      try {
        const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
        await pipeline(source, counter, new FileSink(handle));
      } finally {
        await handle.close();
      }
      await fs.rename(temporaryPath, finalPath);
    } catch (err) {
      await fs.rm(temporaryPath, { force: true });
      throw err;
    }
    await syncDirectory(directory);
    return { size: counter.byteCount, checksum: counter.digest() };
  }

  async get(key: string): Promise<StoredObject | null> {
    const filePath = this.pathOf(key);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(filePath, "r");
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    // Reading through the open descriptor: a concurrent replace or delete does not cut this read short.
    try {
      const stat = await handle.stat();
      return { body: handle.createReadStream(), contentType: contentTypeOfKey(key), size: stat.size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const filePath = this.pathOf(key);
    try {
      await fs.unlink(filePath);
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    await syncDirectory(path.dirname(filePath));
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  /**
   * Walks the directories under the prefix one entry at a time (opendir), so a large tree is never read whole.
   * Dot-prefixed entries (temporary files of writes in flight or killed) are skipped: keys never name them.
   */
  async *list(prefix: string, options: ListOptions): AsyncIterable<ListedObject> {
    const base = prefix.slice(0, prefix.lastIndexOf("/") + 1);
    if (base !== "") assertValidStorageKey(base.slice(0, -1));
    const limit = options.olderThan.getTime();
    const walk = async function* (directory: string, keyPrefix: string): AsyncGenerator<ListedObject> {
      let dir;
      try {
        dir = await fs.opendir(directory);
      } catch (err) {
        if (isMissing(err)) return;
        throw err;
      }
      for await (const entry of dir) {
        if (entry.name.startsWith(".")) continue;
        const key = keyPrefix + entry.name;
        if (entry.isDirectory()) {
          // Only directories that can hold keys under the prefix (the prefix may end inside a directory name).
          if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* walk(path.join(directory, entry.name), `${key}/`);
        } else if (entry.isFile() && key.startsWith(prefix) && isValidStorageKey(key)) {
          // Deleted since it was read from the directory (by a concurrent sweep, a replaced image): not listed.
          const stat = await fs.stat(path.join(directory, entry.name)).catch(() => null);
          if (stat && stat.mtimeMs < limit) yield { key, lastModified: stat.mtime };
        }
      }
    };
    yield* walk(path.join(this.root, ...base.split("/").filter(Boolean)), base);
  }

  /**
   * Removes temporary files older than `olderThanMs` left by a process killed mid-write. Started in the
   * background at boot; the age threshold spares writes in flight in another process sharing the directory.
   * Returns how many were removed.
   */
  async removeStaleTemporaryFiles(olderThanMs: number): Promise<number> {
    let removed = 0;
    const limit = Date.now() - olderThanMs;
    const walk = async (directory: string): Promise<void> => {
      let dir;
      try {
        dir = await fs.opendir(directory);
      } catch (err) {
        if (isMissing(err)) return;
        throw err;
      }
      for await (const entry of dir) {
        if (this.closed) return;
        const entryPath = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          await walk(entryPath);
        } else if (entry.isFile() && entry.name.startsWith(".") && entry.name.endsWith(temporarySuffix)) {
          const stat = await fs.stat(entryPath).catch(() => null);
          if (stat && stat.mtimeMs <= limit) {
            await fs.rm(entryPath, { force: true });
            removed++;
          }
        }
      }
    };
    await walk(this.root);
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private pathOf(key: string): string {
    assertValidStorageKey(key);
    return path.join(this.root, ...key.split("/"));
  }
}

/**
 * Writes into an open file and fsyncs it before reporting the end, so `pipeline` resolves only once the bytes are
 * on disk. (fs write streams either close the descriptor themselves or, with autoClose off, never finish.)
 */
class FileSink extends Writable {
  constructor(private readonly handle: fs.FileHandle) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    writeFully(this.handle, chunk).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.handle.sync().then(() => callback(), callback);
  }
}

async function writeFully(handle: fs.FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** Creates the directory and fsyncs the parents of what was created, so a new file's directory survives a crash too. */
async function makeDurableDirectory(directory: string): Promise<void> {
  const firstCreated = await fs.mkdir(directory, { recursive: true });
  if (!firstCreated) return;
  const toSync: string[] = [];
  for (let d = directory; d !== path.dirname(firstCreated); d = path.dirname(d)) toSync.push(path.dirname(d));
  for (const d of toSync.reverse()) await syncDirectory(d);
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
