import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startS3Server, type TestS3Server } from "./s3-server.js";
import { createTestApp, type TestApp } from "./test-app.js";

export type StorageDriverName = "local disk" | "S3";

export interface StorageTestApp {
  t: TestApp;
  /** The data directory of the app (local files live under `files/` there). */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A test app whose storage is the local disk (in a fresh data directory) or a real in-process S3 server:
 * for suites that run once per driver (`describe.each(["local disk", "S3"])`).
 */
export async function startStorageTestApp(driver: StorageDriverName, tmpPrefix: string): Promise<StorageTestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), tmpPrefix));
  const env: Record<string, string> = { TRAME_DATA_DIR: dataDir };
  let s3: TestS3Server | undefined;
  if (driver === "S3") {
    s3 = await startS3Server();
    const { bucket, endpoint, accessKeyId, secretAccessKey } = s3.settings;
    Object.assign(env, { S3_BUCKET: bucket, S3_ENDPOINT: endpoint!, S3_ACCESS_KEY_ID: accessKeyId!, S3_SECRET_ACCESS_KEY: secretAccessKey! });
  }
  const t = await createTestApp(env);
  return {
    t,
    dataDir,
    async close() {
      await t.close();
      await s3?.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
