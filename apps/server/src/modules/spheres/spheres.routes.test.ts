import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SphereSummary } from "@trame/contracts";
import { createTestApp, type TestApp, type TestClient } from "../../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, createUser, type TestAssociation } from "../../test/factories.js";

const NIL = "00000000-0000-4000-8000-000000000000";

/** Walks every page of a list and returns all items. */
async function readAll(client: TestClient, url: string, limit: number): Promise<SphereSummary[]> {
  const items: SphereSummary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = url.includes("?") ? "&" : "?";
    const res: { status: number; body: { items: SphereSummary[]; nextCursor: string | null } } = await client.get(
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error("too many pages");
}

describe("spheres API", () => {
  let t: TestApp;
  let asso: TestAssociation;
  let member: Awaited<ReturnType<typeof createMember>>;
  let memberClient: TestClient;
  let adminClient: TestClient;
  let guestClient: TestClient;
  const names = [
    "Île-de-France",
    "Bretagne",
    "Occitanie",
    "Auvergne-Rhône-Alpes",
    "Nouvelle-Aquitaine",
    "Hauts-de-France",
    "Grand Est",
    "Normandie",
    "Pays de la Loire",
    "Centre-Val de Loire",
    "Bourgogne-Franche-Comté",
    "Provence-Alpes-Côte d'Azur",
    "Corse",
    "ile d'Yeu",
    "Bureau 50% national_",
  ];
  const spheres: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    asso = await createAssociation(t.ctx, { name: "Fédération" });
    member = await createMember(t.ctx, asso.id, "member");
    memberClient = await t.client().signInAs(member.id);
    adminClient = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const guest = await createMember(t.ctx, asso.id, "guest");
    guestClient = await t.client().signInAs(guest.id);
    for (const [i, name] of names.entries()) {
      const visibility = (["open", "private", "public", "secret"] as const)[i % 4];
      spheres[name] = (await createSphere(t.ctx, asso.id, { name, visibility })).id;
    }
    // Two spheres with the same name: the keyset must still page through both.
    spheres["Corse bis"] = (await createSphere(t.ctx, asso.id, { name: "Corse", visibility: "open" })).id;
    // Visibility cycles open, private, public, secret: the member belongs to one secret sphere.
    await addToSphere(t.ctx, asso.id, spheres["Auvergne-Rhône-Alpes"]!, member.id, "member");
    await addToSphere(t.ctx, asso.id, spheres["Bretagne"]!, guest.id, "guest");
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("directory", () => {
    const url = () => `/api/v1/associations/${asso.id}/spheres`;

    it("answers 400 → 404 → 200; an association without a public sphere is NOT_FOUND to anyone outside it", async () => {
      expect((await memberClient.get(`${url()}?limit=500`)).status).toBe(400);
      expect((await t.client().get(`${url()}?limit=500`)).status).toBe(400);
      expect((await memberClient.get(`/api/v1/associations/${NIL}/spheres`)).status).toBe(404);
      const discreet = await createAssociation(t.ctx);
      await createSphere(t.ctx, discreet.id, { visibility: "open" });
      await createSphere(t.ctx, discreet.id, { visibility: "secret" });
      const outsider = await t.client().signInAs((await createUser(t.ctx)).id);
      const nowhere = await t.client().get(`/api/v1/associations/${NIL}/spheres`);
      for (const client of [t.client(), outsider]) {
        const res = await client.get(`/api/v1/associations/${discreet.id}/spheres`);
        expect(res.status).toBe(404);
        // Exactly what an association that does not exist answers.
        expect(res.body).toEqual(nowhere.body);
      }
      expect((await memberClient.get(url())).status).toBe(200);
    });

    it("lists only the public spheres to people outside the association, signed out or not", async () => {
      const publicNames = names.filter((_, i) => i % 4 === 2).sort((x, y) => x.localeCompare(y, "fr"));
      const outsider = await t.client().signInAs((await createUser(t.ctx)).id);
      for (const client of [t.client(), outsider]) {
        for (const limit of [1, 3, 100]) {
          const items = await readAll(client, url(), limit);
          expect(items.map((s) => s.name).sort((x, y) => x.localeCompare(y, "fr"))).toEqual(publicNames);
          expect(items.every((s) => s.visibility === "public" && s.myRole === null && !s.hasPendingRequest)).toBe(true);
        }
        // Searching finds nothing else, even by the exact name of a private, open or secret sphere.
        for (const q of ["normandie", "bretagne", "corse"]) expect(await readAll(client, `${url()}?q=${q}`, 10)).toEqual([]);
        expect((await readAll(client, `${url()}?q=grand`, 10)).map((s) => s.name)).toEqual(["Grand Est"]);
        // Outside the association, nobody has spheres of their own there.
        expect(await readAll(client, `${url()}?mine=true`, 10)).toEqual([]);
      }
    });

    it("pages through every visible sphere in name order, without duplicates or misses, whatever the page size", async () => {
      const secret = names.filter((_, i) => i % 4 === 3 && names[i] !== "Auvergne-Rhône-Alpes");
      const expectedCount = names.length + 1 - secret.length;
      for (const limit of [1, 2, 3, 7, 100]) {
        const items = await readAll(memberClient, url(), limit);
        expect(items).toHaveLength(expectedCount);
        expect(new Set(items.map((s) => s.id)).size).toBe(expectedCount);
        for (const s of secret) expect(items.map((i) => i.name)).not.toContain(s);
      }
      const all = await readAll(adminClient, url(), 4);
      expect(all).toHaveLength(names.length + 1);
      expect(all.map((s) => s.name).slice(0, 3)).toEqual(["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne"]);
    });

    it("tells each row the actor's role and pending request, in the same page", async () => {
      const items = await readAll(memberClient, url(), 100);
      const byName = Object.fromEntries(items.map((s) => [s.id, s]));
      expect(byName[spheres["Auvergne-Rhône-Alpes"]!]).toMatchObject({ myRole: "member", visibility: "secret", memberCount: 2 });
      expect(byName[spheres["Bretagne"]!]).toMatchObject({ myRole: null, hasPendingRequest: false, memberCount: 2 });
      expect((await memberClient.post(`${url()}/${spheres["Bretagne"]}/join-requests`, { message: "Bonjour" })).status).toBe(200);
      const again = await readAll(memberClient, `${url()}?q=bretagne`, 10);
      expect(again).toHaveLength(1);
      expect(again[0]).toMatchObject({ hasPendingRequest: true, myRole: null });
    });

    it("searches without accents nor case, and treats % and _ literally", async () => {
      const ile = await readAll(memberClient, `${url()}?q=ile`, 1);
      expect(ile.map((s) => s.name).sort()).toEqual(["ile d'Yeu", "Île-de-France"]);
      const accents = await readAll(memberClient, `${url()}?q=${encodeURIComponent("RHÔNE")}`, 10);
      expect(accents.map((s) => s.name)).toEqual(["Auvergne-Rhône-Alpes"]);
      const percent = await readAll(adminClient, `${url()}?q=${encodeURIComponent("50%")}`, 10);
      expect(percent.map((s) => s.name)).toEqual(["Bureau 50% national_"]);
      expect(await readAll(adminClient, `${url()}?q=${encodeURIComponent("%")}`, 10)).toHaveLength(1);
      expect(await readAll(adminClient, `${url()}?q=_`, 10)).toHaveLength(1);
      const two = await readAll(adminClient, `${url()}?q=corse`, 1);
      expect(two.map((s) => s.id).sort()).toEqual([spheres["Corse"], spheres["Corse bis"]].sort());
    });

    it("never shows secret spheres of which the actor is not a member, even when searched by name", async () => {
      expect(await readAll(memberClient, `${url()}?q=${encodeURIComponent("normand")}`, 10)).toHaveLength(0);
      expect(await readAll(adminClient, `${url()}?q=${encodeURIComponent("normand")}`, 10)).toHaveLength(1);
    });

    it("shows guests their own spheres and the public ones; `mine` filters anyone's", async () => {
      const seen = await readAll(guestClient, url(), 5);
      expect(seen.map((s) => s.name)).toEqual(["Bourgogne-Franche-Comté", "Bretagne", "Bureau 50% national_", "Grand Est", "Occitanie"]);
      expect((await readAll(guestClient, `${url()}?mine=true`, 5)).map((s) => s.name)).toEqual(["Bretagne"]);
      const mine = await readAll(memberClient, `${url()}?mine=true`, 5);
      expect(mine.map((s) => s.name)).toEqual(["Auvergne-Rhône-Alpes"]);
    });

    it("filters by parent and hides archived spheres unless asked", async () => {
      const parent = await createSphere(t.ctx, asso.id, { name: "Régions", visibility: "open" });
      const child = await createSphere(t.ctx, asso.id, { name: "Sous-groupe", visibility: "open", parentId: parent.id });
      const children = await readAll(memberClient, `${url()}?parentId=${parent.id}`, 10);
      expect(children.map((s) => s.id)).toEqual([child.id]);
      const parentAdmin = await t.client().signInAs(parent.managerId);
      expect((await parentAdmin.post(`${url()}/${parent.id}/archive`)).status).toBe(200);
      expect((await readAll(memberClient, `${url()}?q=regions`, 10)).map((s) => s.id)).toEqual([]);
      const withArchived = await readAll(memberClient, `${url()}?q=regions&includeArchived=true`, 10);
      expect(withArchived[0]).toMatchObject({ id: parent.id, archived: true });
    });

    it("never points at a parent the actor may not see, and filters by it exactly as by an unknown id", async () => {
      const secretParent = await createSphere(t.ctx, asso.id, { name: "Cellule discrète", visibility: "secret" });
      const openChild = await createSphere(t.ctx, asso.id, { name: "Antenne ouverte", visibility: "open", parentId: secretParent.id });
      const guestChild = await createSphere(t.ctx, asso.id, { name: "Antenne invitée", visibility: "private", parentId: secretParent.id });
      const guest = await createMember(t.ctx, asso.id, "guest");
      await addToSphere(t.ctx, asso.id, guestChild.id, guest.id, "guest");
      const guestOfChild = await t.client().signInAs(guest.id);

      for (const [client, child] of [
        [memberClient, openChild],
        [guestOfChild, guestChild],
      ] as const) {
        const listed = await readAll(client, `${url()}?q=antenne`, 10);
        expect(listed.find((s) => s.id === child.id)).toMatchObject({ parentId: null });
        expect(JSON.stringify(listed)).not.toContain(secretParent.id);
        const mine = await readAll(client, `${url()}?mine=true`, 10);
        expect(JSON.stringify(mine)).not.toContain(secretParent.id);
        // The single sphere read blanks it too.
        const one = await client.get(`${url()}/${child.id}`);
        expect(one.body).toMatchObject({ parentId: null, parentName: null });
        // Filtering by the secret id answers what a random id answers: an empty page.
        const bySecret = await client.get(`${url()}?parentId=${secretParent.id}`);
        const byUnknown = await client.get(`${url()}?parentId=${NIL}`);
        expect([bySecret.status, bySecret.body]).toEqual([byUnknown.status, byUnknown.body]);
        expect(bySecret.body).toEqual({ items: [], nextCursor: null });
      }
      // Those who may see the parent are still pointed at it, and can filter by it.
      const manager = await t.client().signInAs(secretParent.managerId);
      for (const client of [adminClient, manager]) {
        const listed = await readAll(client, `${url()}?parentId=${secretParent.id}`, 10);
        expect(listed.map((s) => [s.name, s.parentId])).toEqual([
          ["Antenne invitée", secretParent.id],
          ["Antenne ouverte", secretParent.id],
        ]);
      }
    });

    it("restarts from the first page when the cursor is tampered with", async () => {
      const res = await memberClient.get(`${url()}?limit=2&cursor=not-a-cursor`);
      expect(res.status).toBe(200);
      const first = await memberClient.get(`${url()}?limit=2`);
      expect(res.body.items).toEqual(first.body.items);
    });
  });

  describe("one sphere", () => {
    it("is read with abilities; public spheres even without an account; secret ones are NOT_FOUND to outsiders", async () => {
      const sphereUrl = (id: string) => `/api/v1/associations/${asso.id}/spheres/${id}`;
      expect((await memberClient.get(sphereUrl("nope"))).status).toBe(400);
      const open = await memberClient.get(sphereUrl(spheres["Île-de-France"]!));
      expect(open.status).toBe(200);
      expect(open.body).toMatchObject({ name: "Île-de-France", visibility: "open", associationId: asso.id, abilities: { "sphere.join": true } });

      const publicSphere = await t.client().get(sphereUrl(spheres["Occitanie"]!));
      expect(publicSphere.status).toBe(200);
      expect(publicSphere.body).toMatchObject({ visibility: "public", memberCount: 1, myRole: null, abilities: { "sphere.read": true } });
      expect(publicSphere.body.abilities["sphereMember.list"]).toBe(false);
      expect((await t.client().get(`${sphereUrl(spheres["Occitanie"]!)}/members`)).status).toBe(401);

      expect((await t.client().get(sphereUrl(spheres["Île-de-France"]!))).status).toBe(404);
      expect((await memberClient.get(sphereUrl(spheres["Normandie"]!))).status).toBe(404);
      expect((await guestClient.get(sphereUrl(spheres["Île-de-France"]!))).status).toBe(404);
      expect((await adminClient.get(sphereUrl(spheres["Normandie"]!))).body.abilities["sphere.delete"]).toBe(true);
    });

    it("is updated by its managers (401 → 400 → 403 → 200) and archived read-only until an admin unarchives it", async () => {
      const sphere = await createSphere(t.ctx, asso.id, { name: "Jardins partagés", visibility: "open" });
      const manager = await t.client().signInAs(sphere.managerId);
      const u = `/api/v1/associations/${asso.id}/spheres/${sphere.id}`;
      expect((await t.client().patch(u, { name: "X y" })).status).toBe(401);
      expect((await manager.patch(u, { visibility: "everyone" })).status).toBe(400);
      expect((await memberClient.patch(u, { name: "Pirates" })).status).toBe(403);
      const updated = await manager.patch(u, { name: "Jardins partagés du Nord", description: "Potagers", visibility: "private" });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: "Jardins partagés du Nord", description: "Potagers", visibility: "private" });

      expect((await memberClient.post(`${u}/archive`)).status).toBe(403);
      const archived = await manager.post(`${u}/archive`);
      expect(archived.body).toMatchObject({ archived: true, abilities: { "sphere.update": false, "sphere.archive": false } });
      expect((await manager.patch(u, { name: "Encore" })).status).toBe(403);
      expect((await manager.post(`${u}/unarchive`)).status).toBe(403);
      expect((await memberClient.post(`${u}/join-requests`, {})).status).toBe(403);
      const unarchived = await adminClient.post(`${u}/unarchive`);
      expect(unarchived.body).toMatchObject({ archived: false, archivedAt: null });
      expect((await adminClient.post(`${u}/unarchive`)).status).toBe(409);
    });

    it("is deleted by admins only, after typing its name", async () => {
      const sphere = await createSphere(t.ctx, asso.id, { name: "Éphémère", visibility: "open" });
      const manager = await t.client().signInAs(sphere.managerId);
      const u = `/api/v1/associations/${asso.id}/spheres/${sphere.id}`;
      expect((await t.client().delete(u, { confirmName: "Éphémère" })).status).toBe(401);
      expect((await adminClient.delete(u, {})).status).toBe(400);
      expect((await manager.delete(u, { confirmName: "Éphémère" })).status).toBe(403);
      const wrong = await adminClient.delete(u, { confirmName: "Ephemere" });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields[0].path).toBe("confirmName");
      expect((await adminClient.delete(u, { confirmName: "Éphémère" })).status).toBe(200);
      expect((await adminClient.get(u)).status).toBe(404);
      const audit = await adminClient.get(`/api/v1/associations/${asso.id}/audit?limit=1`);
      expect(audit.body.items[0]).toMatchObject({ action: "sphere.deleted", targetId: sphere.id, data: { name: "Éphémère" } });
    });
  });

  describe("a public sphere, seen from outside the association", () => {
    const sphereUrl = (id: string) => `/api/v1/associations/${asso.id}/spheres/${id}`;

    it("shows a signed-out visitor its about page, with no way to join; every other sphere is NOT_FOUND", async () => {
      const visitor = t.client();
      const res = await visitor.get(sphereUrl(spheres["Grand Est"]!));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: "Grand Est", visibility: "public", associationId: asso.id, memberCount: 1, myRole: null, myPendingRequestId: null });
      expect(Object.entries(res.body.abilities).filter(([, allowed]) => allowed)).toEqual([["sphere.read", true]]);
      const nowhere = await visitor.get(sphereUrl(NIL));
      expect(nowhere.status).toBe(404);
      for (const name of ["Île-de-France", "Bretagne", "Auvergne-Rhône-Alpes"]) {
        const hidden = await visitor.get(sphereUrl(spheres[name]!));
        expect({ name, status: hidden.status, body: hidden.body }).toEqual({ name, status: 404, body: nowhere.body });
      }
    });

    it("never tells who its members are: 401 signed out, NOT_FOUND outside the association, FORBIDDEN to members not in it", async () => {
      const members = `${sphereUrl(spheres["Grand Est"]!)}/members`;
      expect((await t.client().get(members)).status).toBe(401);
      const outsider = await t.client().signInAs((await createUser(t.ctx)).id);
      const hidden = await outsider.get(members);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe("NOT_FOUND");
      expect((await memberClient.get(members)).status).toBe(403);
      expect((await adminClient.get(members)).status).toBe(200);
    });

    it("names its parent only to those who may see the parent", async () => {
      const secretParent = await createSphere(t.ctx, asso.id, { name: "Conseil restreint", visibility: "secret" });
      const underSecret = await createSphere(t.ctx, asso.id, { name: "Permanence publique", visibility: "public", parentId: secretParent.id });
      const publicParent = await createSphere(t.ctx, asso.id, { name: "Réseau public", visibility: "public" });
      const underPublic = await createSphere(t.ctx, asso.id, { name: "Antenne publique", visibility: "public", parentId: publicParent.id });

      for (const client of [t.client(), memberClient]) {
        const child = await client.get(sphereUrl(underSecret.id));
        expect(child.body).toMatchObject({ name: "Permanence publique", parentId: null, parentName: null });
        expect(JSON.stringify(child.body)).not.toContain(secretParent.id);
        expect((await client.get(sphereUrl(underPublic.id))).body).toMatchObject({ parentId: publicParent.id, parentName: "Réseau public" });
      }
      // The public directory does not point at a parent it does not show either.
      const listed = await readAll(t.client(), `/api/v1/associations/${asso.id}/spheres?q=publique`, 10);
      expect(listed.map((s) => [s.name, s.parentId])).toEqual([
        ["Antenne publique", publicParent.id],
        ["Permanence publique", null],
      ]);
      expect((await adminClient.get(sphereUrl(underSecret.id))).body).toMatchObject({ parentId: secretParent.id, parentName: "Conseil restreint" });
      const manager = await t.client().signInAs(secretParent.managerId);
      expect((await manager.get(sphereUrl(underSecret.id))).body.parentName).toBe("Conseil restreint");
    });

    it("offers joining to the association's members, not to people outside it", async () => {
      const outsider = await t.client().signInAs((await createUser(t.ctx)).id);
      const seen = await outsider.get(sphereUrl(spheres["Occitanie"]!));
      expect(seen.body.abilities).toMatchObject({ "sphere.read": true, "sphere.join": false, "sphere.requestJoin": false });
      expect((await outsider.post(`${sphereUrl(spheres["Occitanie"]!)}/join`)).status).toBe(403);
      expect((await t.client().post(`${sphereUrl(spheres["Occitanie"]!)}/join`)).status).toBe(401);
      expect((await memberClient.get(sphereUrl(spheres["Occitanie"]!))).body.abilities["sphere.join"]).toBe(true);
    });
  });

  describe("direct creation", () => {
    it("follows the association's governance; the creator becomes manager; the parent must be of the same association", async () => {
      const a = await createAssociation(t.ctx, { sphereCreationPolicy: "admins" });
      const u = `/api/v1/associations/${a.id}/spheres`;
      const m = await t.client().signInAs((await createMember(t.ctx, a.id, "member")).id);
      const adminUser = await createMember(t.ctx, a.id, "admin");
      const admin = await t.client().signInAs(adminUser.id);
      expect((await t.client().post(u, { name: "Nouvelle" })).status).toBe(401);
      expect((await admin.post(u, { name: "N" })).status).toBe(400);
      expect((await m.post(u, { name: "Nouvelle" })).status).toBe(403);
      const created = await admin.post(u, { name: "Nouvelle", visibility: "open" });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ name: "Nouvelle", myRole: "manager", memberCount: 1, visibility: "open" });

      const foreignParent = await admin.post(u, { name: "Fille", parentId: spheres["Bretagne"] });
      expect(foreignParent.status).toBe(400);
      expect(foreignParent.body.error.fields[0].path).toBe("parentId");
      const child = await admin.post(u, { name: "Fille", parentId: created.body.id });
      expect(child.body).toMatchObject({ parentId: created.body.id, parentName: "Nouvelle" });

      await admin.patch(`/api/v1/associations/${a.id}`, { sphereCreationPolicy: "members" });
      const byMember = await m.post(u, { name: "Créée par un membre", visibility: "secret" });
      expect(byMember.status).toBe(200);
      expect(byMember.body.myRole).toBe("manager");
      await admin.patch(`/api/v1/associations/${a.id}`, { sphereCreationPolicy: "request" });
      const refused = await m.post(u, { name: "Encore une" });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/requested/);
    });
  });
});
