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

/** Newest modification time under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

// The journeys test the built app: build it when it is missing or older than its sources.
const builtPage = path.join(root, "apps/web/dist/index.html");
const sourcesChanged = () => {
  const built = fs.statSync(builtPage).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, "apps/web/src")),
    newestMtime(path.join(root, "apps/web/public")),
    newestMtime(path.join(root, "packages/contracts/src")),
    fs.statSync(path.join(root, "apps/web/index.html")).mtimeMs,
  );
  return sources > built;
};
if (!fs.existsSync(builtPage) || sourcesChanged()) {
  const build = spawnSync("npm", ["run", "build", "-w", "@trame/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync("npx", ["vitest", "run", "--config", "e2e/vitest.config.ts", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
