import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fastifyStatic from "@fastify/static";

/**
 * How long a browser keeps each kind of file of the built web app:
 * - `/assets/*` are named after their content (Vite's hashes): a new build has new names, so they never change and
 *   are kept for a year without asking again;
 * - the page (index.html, and the same page answered for the app's own routes) is `no-cache`: stored, but checked
 *   with the server before every use (a 304 when unchanged), so a new version's script names are seen at once.
 *   Not `no-store`: the page is the same for everyone and holds no personal data, and `no-store` would refuse the
 *   cheap revalidation and the back/forward cache;
 * - other public files (icons, manifest) keep their names across versions: a day, then checked again.
 */
export const cacheControl = {
  hashedAsset: "public, max-age=31536000, immutable",
  page: "no-cache",
  publicFile: "public, max-age=86400",
} as const;

/** The built app's page, read once at start; absent when the app was not built (API-only tests). */
export function readWebAppPage(webDist: string | undefined): Buffer | undefined {
  if (!webDist) return undefined;
  const file = path.join(webDist, "index.html");
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/**
 * Serves the built files. Each compressible file has `.br` and `.gz` variants written at build time
 * (apps/web/vite-precompress.ts): the variant the browser accepts is sent as it is (`preCompressed`), the file itself
 * otherwise. Register this BEFORE @fastify/compress: that plugin adds its hook to the routes declared after it, so
 * these files are never compressed a second time on the fly.
 */
export async function registerWebAppFiles(app: FastifyInstance, webDist: string): Promise<void> {
  const assetsDir = path.join(path.resolve(webDist), "assets") + path.sep;
  await app.register(fastifyStatic, {
    root: webDist,
    // One route per file found at start (no catch-all): other addresses reach the not-found handler, which
    // answers the app's page for the client-side routes.
    wildcard: false,
    // The variants are reached through their file, not as addresses of their own.
    globIgnore: ["**/*.br", "**/*.gz"],
    preCompressed: true,
    // Cache-Control is ours (setHeaders), per kind of file.
    cacheControl: false,
    setHeaders(res, filePath) {
      // The same address answers brotli, gzip or the plain file depending on Accept-Encoding: caches must key on it.
      res.setHeader("vary", "Accept-Encoding");
      const served = filePath.replace(/\.(?:br|gz)$/, "");
      res.setHeader(
        "cache-control",
        served.startsWith(assetsDir) ? cacheControl.hashedAsset : served.endsWith(".html") ? cacheControl.page : cacheControl.publicFile,
      );
    },
  });
}

/**
 * The app's page for its client-side routes (/a/…, /account…), answered by the not-found handler. `no-cache` with
 * an ETag of its content: a browser revalidates it on each visit and gets a 304 until a new build.
 */
export function webAppPageResponder(page: Buffer): (request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  const etag = `"${createHash("sha256").update(page).digest("base64url").slice(0, 27)}"`;
  return (request, reply) => {
    reply.header("cache-control", cacheControl.page).header("etag", etag);
    const known = request.headers["if-none-match"]?.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
    if (known?.includes(etag)) return reply.status(304).send();
    return reply.type("text/html; charset=utf-8").send(page);
  };
}
