import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../../config/env.js";
import { LocalStorageDriver } from "./local-storage.js";
import type { StorageDriver } from "./storage-driver.js";

// A write in flight in another process (e.g. the CLI beside the server) is never an hour old.
const staleTemporaryFileAge = 60 * 60 * 1000;

/**
 * The driver the configuration asks for. The local one sweeps leftovers of killed writers in the background. The S3
 * client (the AWS SDK) is loaded only when S3 is configured: it is the heaviest import of a start.
 */
export async function createStorage(config: Config["storage"], logger: FastifyBaseLogger): Promise<StorageDriver> {
  if (config.driver === "s3") return new (await import("./s3-storage.js")).S3StorageDriver(config);
  const driver = new LocalStorageDriver(config.root);
  driver.removeStaleTemporaryFiles(staleTemporaryFileAge).then(
    (removed) => {
      if (removed > 0) logger.info({ removed }, "removed temporary files left by interrupted uploads");
    },
    (err: unknown) => logger.warn({ err }, "could not sweep temporary upload files"),
  );
  return driver;
}
