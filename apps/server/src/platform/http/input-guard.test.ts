import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createAssociation, createSphere, createUser } from "../../test/factories.js";
import { createHttpServer, type HttpServer } from "./http-server.js";
import { findUnsafeText } from "./input-guard.js";

const refusal = (path: string) => ({
  error: { code: "VALIDATION_FAILED", message: expect.any(String), fields: [{ path, message: expect.stringContaining("NUL") }] },
});

describe("text no person writes (NUL, unpaired surrogates) is refused in every input", () => {
  let t: TestApp;
  let associationId: string;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp();
    const association = await createAssociation(t.ctx);
    await createSphere(t.ctx, association.id, { visibility: "public" });
    associationId = association.id;
    slug = association.slug;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("in a path parameter, signed out, naming the parameter", async () => {
    const res = await t.client().get("/api/v1/associations/by-slug/%00/branding");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(refusal("params.slug"));
    expect(res.headers["content-security-policy"]).toBeDefined();
    expect((await t.client().get(`/api/v1/associations/by-slug/${slug}/branding`)).status).toBe(200);
  });

  it("in the search of a list", async () => {
    const res = await t.client().get(`/api/v1/associations/${associationId}/spheres?q=jardin%00`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(refusal("querystring.q"));
  });

  it("in a query parameter no schema declares, and in a malformed percent-encoding", async () => {
    const nul = await t.client().get("/api/v1/session?walk=%00");
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject(refusal("querystring.walk"));
    const malformed = await t.client().get("/api/v1/session?q=%E0%A4%A");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual([{ path: "querystring.q", message: "malformed percent-encoding" }]);
    expect((await t.client().get(`/api/v1/associations/by-slug/%E0%A4%A/branding`)).status).toBe(400);
  });

  it("in the text fields of a body", async () => {
    const me = await t.client().signInAs((await createUser(t.ctx)).id);
    const nul = await me.patch("/api/v1/me", { displayName: "Jeanne\u0000" });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject(refusal("body.displayName"));
    const surrogate = await me.request("PATCH", "/api/v1/me", '{"displayName": "Jeanne \\ud800"}', { "content-type": "application/json" });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body).toMatchObject(refusal("body.displayName"));
    expect((await me.patch("/api/v1/me", { displayName: "Jeanne 😀" })).status).toBe(200);
  });

  describe("whatever the route's own schema says", () => {
    let app: HttpServer;
    beforeAll(async () => {
      app = await createHttpServer({ logger: t.ctx.logger, trustProxy: false, version: "test" });
      // A schema that forgot the contracts' text schemas: plain strings, a record with free keys.
      app.post(
        "/echo/:id",
        { schema: { params: z.object({ id: z.string() }), body: z.object({ name: z.string(), tags: z.record(z.string(), z.array(z.string())).optional() }) } },
        async (request) => request.body,
      );
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
    });
    const post = (url: string, payload: string) => app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload });

    it("refuses NUL and unpaired surrogates in bodies, nested values and keys", async () => {
      expect((await post("/echo/1", '{"name": "ok 😀"}')).statusCode).toBe(200);
      for (const [payload, path] of [
        ['{"name": "a\\u0000"}', "body.name"],
        ['{"name": "\\udc00"}', "body.name"],
        ['{"name": "a", "tags": {"x": ["b", "\\ud800"]}}', "body.tags.x.1"],
        ['{"name": "a", "tags": {"x\\u0000": []}}', "body.tags.x\uFFFD"],
      ] as const) {
        const res = await post("/echo/1", payload);
        expect(res.statusCode, payload).toBe(400);
        expect(res.json(), payload).toMatchObject(refusal(path));
      }
      expect((await post("/echo/%00", '{"name": "a"}')).json()).toMatchObject(refusal("params.id"));
    });

    it("walks a body nested 100,000 levels deep without failing", async () => {
      const deep = `{"name": "a", "tags": {"x": ${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}}}`;
      const res = await post("/echo/1", deep);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toMatch(/^body\.tags\.x\.0\.0\..*…$/);
    });
  });

  it("finds the first unsafe string and its path", () => {
    expect(findUnsafeText({ a: ["ok", { b: "\u0000" }] })).toEqual(["a", "1", "b"]);
    expect(findUnsafeText({ a: ["ok", 1, null, true], b: "Île 😀" })).toBeUndefined();
    expect(findUnsafeText("\ud800")).toEqual([]);
  });
});
