import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["apps/server/src/**/*.test.ts", "packages/**/src/**/*.test.ts", "apps/web/src/**/*.test.ts"],
    // Each file starts its own database; two at a time matches the two cores of our machines.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
