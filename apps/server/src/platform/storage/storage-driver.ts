import type { Readable } from "node:stream";

export interface PutOptions {
  contentType: string;
  /** Known length of a streamed body; lets drivers skip buffering decisions. Ignored for Buffers. */
  contentLength?: number;
}

export interface StoredObject {
  body: Readable;
  contentType: string;
  size: number;
}

export interface ListOptions {
  /** Only objects last written before this instant. */
  olderThan: Date;
  /** Keys asked of the backend per request (S3 MaxKeys; default 1000). The local driver reads entry by entry. */
  pageSize?: number;
}

export interface ListedObject {
  key: string;
  lastModified: Date;
}

/**
 * Where files live: the local data directory on one node, S3-compatible storage when several nodes share files.
 * A `put` resolves only once the object is durable under its final key; before that, readers see the previous
 * object (or none), never a part of the new one. Bodies stream both ways: nothing here holds a whole file in memory.
 */
export interface StorageDriver {
  /** Stores (or replaces) an object; returns its size in bytes and its sha-256 (hex). */
  put(key: string, body: Readable | Buffer, options: PutOptions): Promise<{ size: number; checksum: string }>;
  /** The object, or null when there is none under this key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing key is not an error (deletes are retried after crashes). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * The objects whose key starts with `prefix`, produced as the backend pages through them (never the whole
   * listing in memory), in no particular order. Deleting listed keys while iterating is allowed.
   * The local driver's temporary files are not objects and are never listed.
   */
  list(prefix: string, options: ListOptions): AsyncIterable<ListedObject>;
  /** Releases connections; the driver is unusable afterwards. */
  close(): Promise<void>;
}

/** A key built by our own code went wrong: a programming error, never a person's mistake. */
export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}

// Segments may not start with a dot: no `.`/`..`, no hidden files, and the local driver's temporary files
// (which start with a dot) can never be mistaken for, or overwrite, a stored object.
const segmentPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * Keys are relative, slash-separated paths of safe segments (`associations/<id>/logo-<hash>.webp`).
 * Both drivers call this, so a key that works on one works on the other.
 */
export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
}

export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  return key.split("/").every((segment) => segment.length <= 200 && segmentPattern.test(segment));
}
