// `npm start` serves the built web app; build it when it is missing or older than its sources.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const started = performance.now();
const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "apps/web");
const built = path.join(web, "dist/index.html");

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(path.join(web, "src")), newest(path.join(root, "packages/contracts/src")));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log("Building the web app…");
  execSync("npm run build -w @trame/web", { cwd: root, stdio: "inherit" });
}
console.log(`  ${"web app build check ".padEnd(34, ".")} ${((performance.now() - started) / 1000).toFixed(2)} s`);
