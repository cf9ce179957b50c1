import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["apps/server/src/**/*.test.ts", "packages/**/src/**/*.test.ts", "apps/web/src/**/*.test.ts"],
    // Each file starts its own database; two at a time matches the two cores of our machines.
    pool: "forks",
    maxWorkers: 2,
    // s3rver (the in-process S3 server of the tests) signs ListObjectsV2 continuation tokens with DES, which
    // OpenSSL 3 only offers through its legacy provider: without it, listing a second page answers 500.
    execArgv: ["--openssl-legacy-provider"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
