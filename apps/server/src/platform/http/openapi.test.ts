import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";

type OpenApi = { paths: Record<string, Record<string, { operationId?: string }>> };

describe("OpenAPI document", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("names every operation of the API with a unique operationId", async () => {
    const res = await t.client().get<OpenApi>("/api/openapi.json");
    expect(res.status).toBe(200);
    const operations = Object.entries(res.body.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, operationId: op.operationId })),
    );
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((o) => !o.operationId).map((o) => o.route)).toEqual([]);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
