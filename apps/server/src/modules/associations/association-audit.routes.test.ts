import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/audit/audit.tables.js";
import { createTestApp, type TestApp, type TestClient } from "../../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, type TestAssociation } from "../../test/factories.js";

describe("the audit log as people read it", () => {
  let t: TestApp;
  let asso: TestAssociation;
  let claire: { id: string };
  let lea: { id: string };
  let admin: TestClient;
  let sphereId: string;
  const audit = (query = "", associationId = asso.id) => admin.get(`/api/v1/associations/${associationId}/audit${query}`);

  beforeAll(async () => {
    t = await createTestApp();
    asso = await createAssociation(t.ctx);
    claire = await createMember(t.ctx, asso.id, "admin", { displayName: "Claire Martin" });
    lea = await createMember(t.ctx, asso.id, "member", { displayName: "Léa Dubois" });
    admin = await t.client().signInAs(claire.id);
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private", name: "Maraude Paris 18e" });
    sphereId = sphere.id;
    await addToSphere(t.ctx, asso.id, sphere.id, lea.id, "member");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("names who did what to whom and where, with the old and new role", async () => {
    const changed = await admin.patch(`/api/v1/associations/${asso.id}/spheres/${sphereId}/members/${lea.id}`, { role: "moderator" });
    expect(changed.status).toBe(200);
    const res = await audit();
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      action: "sphereMember.roleChanged",
      actorId: claire.id,
      actorName: "Claire Martin",
      targetUserId: lea.id,
      targetName: "Léa Dubois",
      sphereId,
      sphereName: "Maraude Paris 18e",
      data: { from: "member", to: "moderator" },
    });
    expect(res.body.items[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    expect((await admin.patch(`/api/v1/associations/${asso.id}/members/${lea.id}`, { role: "admin" })).status).toBe(200);
    expect((await audit()).body.items[0]).toMatchObject({
      action: "associationMember.roleChanged",
      actorName: "Claire Martin",
      targetName: "Léa Dubois",
      sphereId: null,
      data: { from: "member", to: "admin" },
    });
    expect((await admin.patch(`/api/v1/associations/${asso.id}/members/${lea.id}`, { role: "member" })).status).toBe(200);
  });

  it("keeps the name of a deleted sphere", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { name: "Éphémère" });
    const deleted = await admin.delete(`/api/v1/associations/${asso.id}/spheres/${sphere.id}`, { confirmName: "Éphémère" });
    expect(deleted.status).toBe(200);
    expect((await audit()).body.items[0]).toMatchObject({ action: "sphere.deleted", sphereId: null, sphereName: "Éphémère" });
  });

  it("filters by action and by person, with keyset pages that stay filtered (400 for an unknown action)", async () => {
    expect((await audit("?action=nothing.happened")).status).toBe(400);
    expect((await audit("?actorId=nope")).status).toBe(400);
    const roleChanges = await audit("?action=associationMember.roleChanged");
    expect(roleChanges.body.items.map((e: { action: string }) => e.action)).toEqual(["associationMember.roleChanged", "associationMember.roleChanged"]);
    const first = await audit("?action=associationMember.roleChanged&limit=1");
    const second = await audit(`?action=associationMember.roleChanged&limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items[0].data.to, second.body.items[0].data.to]).toEqual(["member", "admin"]);
    expect(second.body.nextCursor).toBeNull();

    const byClaire = await audit(`?actorId=${claire.id}`);
    expect(byClaire.body.items.length).toBeGreaterThan(0);
    expect(byClaire.body.items.every((e: { actorId: string }) => e.actorId === claire.id)).toBe(true);
    expect((await audit(`?actorId=${lea.id}`)).body.items).toEqual([]);
  });

  it("filters by a period of whole days in the association's time zone", async () => {
    // 23:30 UTC on 15 January is 00:30 on the 16th in Paris.
    await t.ctx.db.insert(auditLog).values([
      { associationId: asso.id, actorId: claire.id, action: "charter.published", targetType: "charter", targetId: "1", data: { version: 1 }, createdAt: "2025-01-15T23:30:00Z" },
      { associationId: asso.id, actorId: claire.id, action: "charter.published", targetType: "charter", targetId: "2", data: { version: 2 }, createdAt: "2025-01-14T12:00:00Z" },
    ]);
    const ids = async (query: string) => (await audit(query)).body.items.map((e: { targetId: string }) => e.targetId);
    expect(await ids("?from=2025-01-16&to=2025-01-16")).toEqual(["1"]);
    expect(await ids("?from=2025-01-15&to=2025-01-15")).toEqual([]);
    expect(await ids("?from=2025-01-14&to=2025-01-16")).toEqual(["1", "2"]);
    expect(await ids("?to=2025-01-14&action=charter.published")).toEqual(["2"]);
    expect((await audit("?from=16/01/2025")).status).toBe(400);
    expect((await audit("?from=2025-02-30")).status).toBe(400);
    expect((await audit("?to=0000-01-01")).status).toBe(400);
    expect((await audit("?from=9999-12-31&to=9999-12-31")).body.items).toEqual([]);
  });

  it("exports the filtered log as CSV: UTF-8 with BOM, `;` separated, labels in French, formulas defused", async () => {
    const trickster = await createMember(t.ctx, asso.id, "member", { displayName: "=HYPERLINK(\"x\")" });
    await admin.patch(`/api/v1/associations/${asso.id}/members/${trickster.id}`, { role: "guest" });
    const res = await admin.get(`/api/v1/associations/${asso.id}/audit.csv?action=associationMember.roleChanged`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(new RegExp(`^attachment; filename="journal-${asso.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const body = String(res.body);
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Date;Auteur·rice;Action;Personne concernée;Sphère;Avant;Après;Détails");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};Claire Martin;Rôle dans l’association modifié;"'=HYPERLINK\(""x""\)";;Membre;Invité·e;$/);
    expect(lines[3]).toMatch(/;Claire Martin;Rôle dans l’association modifié;Léa Dubois;;Membre;Administrateur·rice;$/);
  });

  it("keeps each association's log to its admins (401 → 403 → 404), and names nothing of another association", async () => {
    const other = await createAssociation(t.ctx);
    const otherSphere = await createSphere(t.ctx, other.id, { name: "Secret d'ailleurs" });
    const outsider = await t.client().signInAs(other.ownerId);
    const member = await t.client().signInAs(lea.id);
    for (const path of ["audit", "audit.csv"]) {
      expect((await t.client().get(`/api/v1/associations/${asso.id}/${path}`)).status).toBe(401);
      expect((await member.get(`/api/v1/associations/${asso.id}/${path}`)).status).toBe(403);
      expect((await outsider.get(`/api/v1/associations/${asso.id}/${path}`)).status).toBe(404);
    }
    // A record that points at another association's sphere does not reveal its name.
    await t.ctx.db.insert(auditLog).values({ associationId: asso.id, actorId: claire.id, action: "sphereMember.added", targetType: "user", targetId: lea.id, data: { sphereId: otherSphere.id, role: "member" } });
    expect((await audit()).body.items[0]).toMatchObject({ action: "sphereMember.added", targetName: "Léa Dubois", sphereId: null, sphereName: null });
    const theirs = await outsider.get(`/api/v1/associations/${other.id}/audit`);
    expect(theirs.body.items.every((e: { actorId: string | null }) => e.actorId !== claire.id)).toBe(true);
  });
});

describe("the members list of an association", () => {
  let t: TestApp;
  let asso: TestAssociation;
  beforeAll(async () => {
    t = await createTestApp();
    asso = await createAssociation(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("filters by role, with search and pages (400 for an unknown role)", async () => {
    await createMember(t.ctx, asso.id, "admin", { displayName: "Anne Admin" });
    await createMember(t.ctx, asso.id, "admin", { displayName: "Bruno Admin" });
    await createMember(t.ctx, asso.id, "member", { displayName: "Anne Membre" });
    const owner = await t.client().signInAs(asso.ownerId);
    const url = `/api/v1/associations/${asso.id}/members`;
    expect((await owner.get(`${url}?role=chief`)).status).toBe(400);
    const names = async (query: string) => (await owner.get(`${url}${query}`)).body.items.map((m: { displayName: string }) => m.displayName);
    expect(await names("?role=admin")).toEqual(["Anne Admin", "Bruno Admin"]);
    expect(await names("?role=admin&q=anne")).toEqual(["Anne Admin"]);
    expect(await names("?q=anne")).toEqual(["Anne Admin", "Anne Membre"]);
    const first = await owner.get(`${url}?role=admin&limit=1`);
    expect(await names(`?role=admin&limit=1&cursor=${first.body.nextCursor}`)).toEqual(["Bruno Admin"]);
    expect(await names("?role=guest")).toEqual([]);
  });
});
