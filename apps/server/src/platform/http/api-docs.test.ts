import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "./http-server.js";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string> {
  return new Map(
    String(header)
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!.toLowerCase(), values.join(" ")] as [string, string];
      }),
  );
}

describe("API docs under the Content-Security-Policy", () => {
  let app: HttpServer;
  beforeAll(async () => {
    app = await createHttpServer({ logger: pino({ level: "silent" }), trustProxy: false, version: "test" });
    app.get("/api/v1/example", async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("serves the docs page under the instance's own policy, which lets its stylesheets load over plain http", async () => {
    const page = await app.inject({ method: "GET", url: "/api/docs" });
    expect(page.statusCode).toBe(200);
    const csp = directives(page.headers["content-security-policy"]);
    // upgrade-insecure-requests would send the stylesheet to https:// on an instance reached over http, where it fails.
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(csp.get("style-src")).toBe("'self'");
    expect(csp.get("script-src")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    const sheets = [...page.body.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(sheets.length).toBeGreaterThan(0);
    for (const href of sheets) {
      const sheet = await app.inject({ method: "GET", url: new URL(href, "http://instance.example/api/docs").pathname });
      expect(sheet.statusCode, href).toBe(200);
      expect(sheet.headers["content-type"], href).toMatch(/^text\/css/);
    }
  });

  it("leaves out swagger-ui's top bar, whose logo is an inline style the policy refuses", async () => {
    const initializer = await app.inject({ method: "GET", url: "/api/docs/static/swagger-initializer.js" });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toMatch(/"layout":\s*"BaseLayout"/);
  });
});
