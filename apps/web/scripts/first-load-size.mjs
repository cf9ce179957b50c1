// Measures what a first visit downloads: the entry script of dist/index.html and every chunk it imports
// statically (lazy chunks, loaded with import(), are left out), plus the CSS. Sizes gzip-compressed.
// Usage: node apps/web/scripts/first-load-size.mjs   (after `npm run build -w @trame/web`)
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
