import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createHttpServer } from "./http-server.js";

describe("HTTP platform", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reports the database in the health check", async () => {
    const res = await t.client().get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: "ok" });
  });

  it("answers unknown API addresses with a NOT_FOUND error body", async () => {
    const res = await t.client().get("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("refuses a state-changing request without the CSRF header", async () => {
    const res = await t.client().request("POST", "/api/v1/anything", {}, { "x-csrf-token": "" });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: "CSRF_FAILED" } });
  });

  it("serves an OpenAPI document", async () => {
    const res = await t.client().get<{ openapi: string }>("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
  });
});

describe("security headers", () => {
  const logger = pino({ level: "silent" });
  async function server(trustProxy: boolean) {
    const app = await createHttpServer({ logger, trustProxy, version: "test" });
    app.get("/page", async () => ({ ok: true }));
    return app;
  }

  it("sends HSTS only behind TLS, as told by a trusted proxy, on every answer", async () => {
    const proxied = await server(true);
    for (const url of ["/page", "/nowhere"]) {
      const overTls = await proxied.inject({ method: "GET", url, headers: { "x-forwarded-proto": "https" } });
      expect(overTls.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      const plain = await proxied.inject({ method: "GET", url, headers: { "x-forwarded-proto": "http" } });
      expect(plain.headers["strict-transport-security"]).toBeUndefined();
    }
    await proxied.close();

    // Without a trusted proxy, plain http it is, whatever a client claims.
    const direct = await server(false);
    expect((await direct.inject({ method: "GET", url: "/page" })).headers["strict-transport-security"]).toBeUndefined();
    const forged = await direct.inject({ method: "GET", url: "/page", headers: { "x-forwarded-proto": "https" } });
    expect(forged.headers["strict-transport-security"]).toBeUndefined();
    await direct.close();
  });

  it("forbids framing by the content security policy alone, without the obsolete X-Frame-Options", async () => {
    const app = await server(false);
    const res = await app.inject({ method: "GET", url: "/page" });
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    await app.close();
  });
});
