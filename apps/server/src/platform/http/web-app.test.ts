import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "./http-server.js";

// A built web app in miniature, as `vite build` and its precompress plugin leave it: a hashed script with its
// brotli and gzip variants, the page, and a public file.
const script = Buffer.from(`export const greeting = ${JSON.stringify("Bonjour ".repeat(400))};\n`);
const page = Buffer.from(`<!doctype html><html lang="fr"><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>`);

describe("serving the built web app", () => {
  let dist: string;
  let app: HttpServer;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "trame-web-dist-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "assets/app-Ab12Cd34.js"), script);
    fs.writeFileSync(path.join(dist, "assets/app-Ab12Cd34.js.br"), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(dist, "assets/app-Ab12Cd34.js.gz"), zlib.gzipSync(script));
    fs.writeFileSync(path.join(dist, "index.html"), page);
    fs.writeFileSync(path.join(dist, "icon.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`);
    app = await createHttpServer({ logger: pino({ level: "silent" }), trustProxy: false, webDist: dist, version: "test" });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

  it("sends a script's brotli variant to a browser that accepts br, decoded once into the script", async () => {
    const res = await get("/assets/app-Ab12Cd34.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^(?:application|text)\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length);
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(script)).toBe(true);
  });

  it("sends the gzip variant to a client that accepts only gzip", async () => {
    const res = await get("/assets/app-Ab12Cd34.js", { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(res.rawPayload).equals(script)).toBe(true);
  });

  it("sends the script itself to a client that accepts no encoding", async () => {
    for (const headers of [{}, { "accept-encoding": "identity" }] as Record<string, string>[]) {
      const res = await get("/assets/app-Ab12Cd34.js", headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.rawPayload.equals(script)).toBe(true);
    }
  });

  it("lets browsers keep hashed assets for a year without asking again", async () => {
    for (const encoding of ["br", "gzip", "identity"]) {
      const res = await get("/assets/app-Ab12Cd34.js", { "accept-encoding": encoding });
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
  });

  it("never lets the page be used without checking with the server, at / and at the app's own routes", async () => {
    for (const url of ["/", "/index.html", "/a/jardins/spheres/0190a1b2-0000-7000-8000-000000000000", "/account"]) {
      const res = await get(url, { "accept-encoding": "br, gzip" });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.body, url).toContain(`<div id="root">`);
    }
  });

  it("answers 304 when the browser revalidates the page of a client-side route it already has", async () => {
    const first = await get("/account");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get("/account", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it("keeps other public files (icons, manifest) a day", async () => {
    const res = await get("/icon.svg");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=86400");
  });

  it("does not serve the compressed variants as addresses of their own", async () => {
    const res = await get("/assets/app-Ab12Cd34.js.br", { accept: "text/html" });
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain(`<div id="root">`);
  });
});
