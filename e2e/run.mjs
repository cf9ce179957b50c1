// `npm test` runs the browser journeys after the unit and integration tests.
// They need Debian's chromium: without it they are skipped on a developer machine (with a message saying so),
// and they FAIL in CI (CI=1), where .ci/run installs chromium first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  if (process.env.CI) {
    console.error(`e2e: chromium not found at ${chromium}; CI requires it (apt-get install chromium).`);
    process.exit(1);
  }
  console.warn(`e2e: chromium not found at ${chromium}: browser journeys skipped (install Debian's chromium to run them).`);
  process.exit(0);
}
const root = path.resolve(import.meta.dirname, "..");
if (!fs.existsSync(path.join(root, "apps/web/dist/index.html"))) {
  const build = spawnSync("npm", ["run", "build", "-w", "@trame/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync("npx", ["vitest", "run", "--config", "e2e/vitest.config.ts", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
