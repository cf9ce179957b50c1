import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createAssociation, createMember, createSphere } from "../../test/factories.js";

/**
 * The directory is the hottest list of the product (20,000 spheres per association at L size): a page must cost
 * the session lookup and ONE statement — role lookup, visibility, membership flags and paging included.
 */
describe("sphere directory round trips", () => {
  let t: TestApp;
  let statements = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const pool = t.ctx.database.pool;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers a page of spheres with the session lookup and one statement, whatever the page size", async () => {
    const association = await createAssociation(t.ctx);
    const member = await createMember(t.ctx, association.id, "member");
    for (let i = 0; i < 12; i++) await createSphere(t.ctx, association.id, { name: `Groupe ${i}`, visibility: i % 3 === 0 ? "secret" : "open" });
    const client = await t.client().signInAs(member.id);
    // A first request slides the fresh session's expiry if needed; count the steady state.
    await client.get(`/api/v1/associations/${association.id}/spheres?limit=5`);

    statements = 0;
    const first = await client.get<{ items: unknown[]; nextCursor: string }>(`/api/v1/associations/${association.id}/spheres?limit=5`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(5);
    expect(statements).toBe(2);

    statements = 0;
    const next = await client.get<{ items: unknown[] }>(
      `/api/v1/associations/${association.id}/spheres?limit=100&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(3); // 12 spheres, 4 secret ones hidden from a non-member: 8 in all
    expect(statements).toBe(2);
  });
});
