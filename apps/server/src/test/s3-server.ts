import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type { S3StorageSettings } from "../platform/storage/s3-storage.js";

// s3rver ships no types; this is the part of its API the tests use.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;

export interface TestS3Server {
  /** Settings for S3StorageDriver (and the S3_* environment of a server process). */
  settings: S3StorageSettings;
  /** Where s3rver keeps the objects (to check what really reached the disk). */
  directory: string;
  close(): Promise<void>;
}

/**
 * A real S3 server (s3rver: the S3 REST API over a directory) on a random local port, with one empty bucket.
 * It checks request signatures with its built-in credentials S3RVER/S3RVER.
 */
export async function startS3Server(bucket = "trame-test"): Promise<TestS3Server> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "trame-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  return {
    settings: {
      bucket,
      endpoint: `http://127.0.0.1:${address.port}`,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    },
    directory,
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
