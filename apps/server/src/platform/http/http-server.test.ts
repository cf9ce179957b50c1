import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";

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
