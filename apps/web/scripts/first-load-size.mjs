// Measures what a first visit of each page downloads: the scripts of dist/index.html, the chunks of the page's
// routes (router.tsx loads every page on demand) and everything they import statically, plus the CSS. Sizes are
// compressed as the server sends them (gzip, the larger of the two variants, is the one held to the budget).
// Usage: npm run size -w @trame/web   (after `npm run build -w @trame/web`). Fails when a member's page is above the
// budget of QUALITY.md (150 KB of JavaScript, compressed), when a page that is not an administration page carries
// an administration screen, or when zod's runtime slipped into a first download.
// The browser's own figures (bytes over the wire, requests, EcoIndex) are measured by e2e/journeys/page-weight.journey.ts.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = path.resolve(import.meta.dirname, "../dist");
const manifest = JSON.parse(fs.readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));
const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
const entryScripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]);

/** Each page a first visit may land on, by the route modules it renders (outermost first). */
const pages = [
  { name: "sign-in", member: false, modules: ["src/features/accounts/pages/sign-in-page.tsx"] },
  { name: "home", member: true, modules: ["src/features/associations/pages/home-page.tsx"] },
  {
    name: "association home",
    member: true,
    modules: ["src/features/associations/pages/association-layout.tsx", "src/features/associations/pages/association-home-page.tsx"],
  },
  { name: "sphere", member: true, modules: ["src/features/associations/pages/association-layout.tsx", "src/features/spheres/pages/sphere-page.tsx"] },
  { name: "account", member: true, modules: ["src/features/accounts/pages/account-page.tsx"] },
];
const administration = /(?:^|\/)(?:features\/admin|pages\/admin)\//;

const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
/** A chunk and every chunk it imports statically (dynamic imports load later, on use). */
function closure(files, seen = new Set()) {
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    const chunk = byFile.get(file);
    if (chunk?.imports) closure(chunk.imports.map((key) => manifest[key].file), seen);
  }
  return seen;
}
const adminFiles = new Set(Object.entries(manifest).filter(([key]) => administration.test(key)).map(([, chunk]) => chunk.file));

const compressed = new Map();
function sizes(file) {
  if (!compressed.has(file)) {
    const content = fs.readFileSync(path.join(dist, file));
    compressed.set(file, { gzip: zlib.gzipSync(content, { level: 9 }).length, br: zlib.brotliCompressSync(content).length });
  }
  return compressed.get(file);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const budgetKb = 150;
let failed = false;
const css = styles.reduce((sum, file) => sum + sizes(file).gzip, 0);
for (const page of pages) {
  const routeFiles = page.modules.map((key) => {
    if (!manifest[key]) throw new Error(`${key} is not a chunk of the build: has its route changed? (update this script's pages)`);
    return manifest[key].file;
  });
  const files = [...closure([...entryScripts, ...routeFiles])].filter((file) => file.endsWith(".js"));
  const gzip = files.reduce((sum, file) => sum + sizes(file).gzip, 0);
  const br = files.reduce((sum, file) => sum + sizes(file).br, 0);
  console.log(`${page.name}: ${files.length} JS files, ${kb(gzip)} JS gzip (${kb(br)} brotli), ${kb(css)} CSS gzip`);
  if (page.member && gzip / 1024 > budgetKb) {
    console.error(`  over budget: ${kb(gzip)} > ${budgetKb} KB of JavaScript gzip`);
    failed = true;
  }
  for (const file of files) {
    if (adminFiles.has(file)) {
      console.error(`  carries an administration screen (${file})`);
      failed = true;
    }
    // Contracts are imported as types; a runtime value taken from a zod schema file brings all of zod along.
    if (fs.readFileSync(path.join(dist, file), "utf8").includes("ZodError")) {
      console.error(`  zod's runtime is in the first download (${file}): import runtime values from zod-free contract files`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
