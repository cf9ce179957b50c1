import { startS3Server } from "../../test/s3-server.js";
import { S3StorageDriver } from "./s3-storage.js";
import { describeStorageDriver } from "./storage-driver.behaviour.js";

describeStorageDriver("S3 (against a real in-process S3 server)", async () => {
  const server = await startS3Server();
  const driver = new S3StorageDriver(server.settings);
  return {
    driver,
    async close() {
      await driver.close();
      await server.close();
    },
  };
});
