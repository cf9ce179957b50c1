// Measures what a first visit downloads: the entry script of dist/index.html and every chunk it imports
// statically (lazy chunks, loaded with import(), are left out), plus the CSS. Sizes gzip-compressed.
// Usage: npm run size -w @trame/web   (after `npm run build -w @trame/web`). Fails above the budget of QUALITY.md
// (150 KB of JavaScript gzip for a member's first page) or when zod's runtime slipped into the first download.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = path.resolve(import.meta.dirname, "../dist");
const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);

const seen = new Set();
function visit(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = fs.readFileSync(path.join(dist, file), "utf8");
  // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`, not `import("./x.js")`.
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["'](\.\/[^"']+)["']/g)) {
    visit(path.posix.join(path.posix.dirname(file), match[1]));
  }
}
for (const entry of entries) visit(entry.replace(/^\//, ""));

const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
let js = 0;
for (const file of seen) js += gzip(file);
const css = styles.reduce((sum, file) => sum + gzip(file.replace(/^\//, "")), 0);
console.log(`first load: ${seen.size} JS files, ${(js / 1024).toFixed(1)} KB JS gzip, ${(css / 1024).toFixed(1)} KB CSS gzip`);

const budgetKb = 150;
let failed = false;
if (js / 1024 > budgetKb) {
  console.error(`over budget: ${(js / 1024).toFixed(1)} KB > ${budgetKb} KB of JavaScript gzip`);
  failed = true;
}
for (const file of seen) {
  // Contracts are imported as types; a runtime value taken from a zod schema file brings all of zod along.
  if (fs.readFileSync(path.join(dist, file), "utf8").includes("ZodError")) {
    console.error(`zod's runtime is in the first download (${file}): import runtime values from zod-free contract files`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
