import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, createUser, type TestAssociation } from "../../test/factories.js";
import { findLastMailTo } from "../accounts/accounts.test-helpers.js";

const NIL = "00000000-0000-4000-8000-000000000000";

describe("associations API", () => {
  let t: TestApp;
  let asso: TestAssociation;
  beforeAll(async () => {
    t = await createTestApp();
    asso = await createAssociation(t.ctx, { name: "Les Amis du Quartier", slug: "amis-du-quartier" });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("reading an association", () => {
    it("answers 401 → 400 → 404 → 200", async () => {
      expect((await t.client().get(`/api/v1/associations/${asso.id}`)).status).toBe(401);
      const member = await createMember(t.ctx, asso.id, "member");
      const client = await t.client().signInAs(member.id);
      expect((await client.get("/api/v1/associations/not-a-uuid")).status).toBe(400);
      const outsider = await t.client().signInAs((await createUser(t.ctx)).id);
      expect((await outsider.get(`/api/v1/associations/${asso.id}`)).body.error.code).toBe("NOT_FOUND");
      expect((await client.get(`/api/v1/associations/${NIL}`)).status).toBe(404);
      const res = await client.get(`/api/v1/associations/${asso.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: "Les Amis du Quartier",
        myRole: "member",
        charterVersion: null,
        enabledModules: ["spheres"],
        abilities: { "association.read": true, "association.update": false, "sphere.requestCreation": true },
      });
      const bySlug = await client.get("/api/v1/associations/by-slug/amis-du-quartier");
      expect(bySlug.body.id).toBe(asso.id);
      expect((await outsider.get("/api/v1/associations/by-slug/amis-du-quartier")).status).toBe(404);
    });

    it("lists my associations, paginated by name", async () => {
      const user = await createUser(t.ctx);
      const names = ["Zèbres solidaires", "Abeilles de Bretagne", "Étoile d'Occitanie"];
      for (const name of names) {
        const a = await createAssociation(t.ctx, { name });
        const { addAssociationMember } = await import("./associations.service.js");
        await addAssociationMember(t.ctx, a.id, user.id, "member", null);
      }
      const client = await t.client().signInAs(user.id);
      const first = await client.get("/api/v1/me/associations?limit=2");
      expect(first.status).toBe(200);
      expect(first.body.items.map((a: { name: string }) => a.name)).toEqual(["Abeilles de Bretagne", "Étoile d'Occitanie"]);
      const second = await client.get(`/api/v1/me/associations?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((a: { name: string }) => a.name)).toEqual(["Zèbres solidaires"]);
      expect(second.body.nextCursor).toBeNull();
    });

    it("shows the branding publicly only when the association has a public sphere", async () => {
      const other = await createAssociation(t.ctx, { slug: "asso-discrete" });
      expect((await t.client().get("/api/v1/associations/by-slug/asso-discrete/branding")).status).toBe(404);
      await createSphere(t.ctx, other.id, { visibility: "public", name: "Portes ouvertes" });
      const res = await t.client().get("/api/v1/associations/by-slug/asso-discrete/branding");
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ slug: "asso-discrete", primaryColor: "#1d4ed8", logoUrl: null });
      expect((await t.client().get("/api/v1/associations/by-slug/asso-discrete")).status).toBe(401);
    });
  });

  describe("settings and charter", () => {
    it("lets admins change the settings (401 → 400 → 403 → 200), with an audit line", async () => {
      const url = `/api/v1/associations/${asso.id}`;
      expect((await t.client().patch(url, { name: "X" })).status).toBe(401);
      const admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
      const bad = await admin.patch(url, { primaryColor: "blue", unknown: 1 });
      expect(bad.status).toBe(400);
      const member = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
      expect((await member.patch(url, { name: "Renommée" })).body.error.code).toBe("FORBIDDEN");
      const res = await admin.patch(url, {
        name: "Les Amis du Quartier Nord",
        language: "en",
        timeZone: "Europe/Brussels",
        primaryColor: "#0f766e",
        enabledModules: ["spheres", "chat", "spheres"],
        sphereCreationPolicy: "members",
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: "Les Amis du Quartier Nord",
        language: "en",
        timeZone: "Europe/Brussels",
        primaryColor: "#0f766e",
        enabledModules: ["spheres", "chat"],
        sphereCreationPolicy: "members",
      });
      const audit = await admin.get(`${url}/audit?limit=1`);
      expect(audit.body.items[0]).toMatchObject({ action: "association.updated", targetId: asso.id });
      expect(audit.body.nextCursor).not.toBeNull();
      const next = await admin.get(`${url}/audit?limit=1&cursor=${audit.body.nextCursor}`);
      expect(next.body.items[0].id).not.toBe(audit.body.items[0].id);
      expect((await member.get(`${url}/audit`)).status).toBe(403);
      // Governance now lets members create spheres directly.
      const abilities = (await member.get(url)).body.abilities;
      expect(abilities["sphere.create"]).toBe(true);
      expect(abilities["sphere.requestCreation"]).toBe(false);
      await admin.patch(url, { name: "Les Amis du Quartier", sphereCreationPolicy: "request", language: "fr" });
    });

    it("accepts only IANA time zone names, in the settings and when an instance administrator creates one", async () => {
      const admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
      const url = `/api/v1/associations/${asso.id}`;
      for (const timeZone of ["Mars/Olympus", "+01:00", "europe/paris", "Heure de Paris"]) {
        const res = await admin.patch(url, { timeZone });
        expect(res.status, timeZone).toBe(400);
        expect(res.body.error.fields, timeZone).toEqual([{ path: "body.timeZone", message: expect.any(String) }]);
      }
      expect((await admin.patch(url, { timeZone: "America/Cayenne" })).body.timeZone).toBe("America/Cayenne");
      expect((await admin.patch(url, { timeZone: "Europe/Paris" })).body.timeZone).toBe("Europe/Paris");
      const instanceAdmin = await t.client().signInAs((await createUser(t.ctx, { isInstanceAdmin: true })).id);
      const refused = await instanceAdmin.post("/api/v1/admin/associations", { name: "Fuseau", slug: "fuseau", timeZone: "Paris" });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields[0].path).toBe("body.timeZone");
    });

    it("publishes charter versions that members read", async () => {
      const url = `/api/v1/associations/${asso.id}/charter`;
      const admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
      const member = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
      expect((await member.get(url)).status).toBe(404);
      expect((await admin.put(url, { body: "" })).status).toBe(400);
      expect((await member.put(url, { body: "Soyons bienveillants." })).status).toBe(403);
      expect((await admin.put(url, { body: "Soyons bienveillants." })).body).toMatchObject({ version: 1 });
      expect((await admin.put(url, { body: "Soyons bienveillants et ponctuels." })).body).toMatchObject({ version: 2 });
      const current = await member.get(url);
      expect(current.body).toMatchObject({ version: 2, body: "Soyons bienveillants et ponctuels." });
      expect((await member.get(`/api/v1/associations/${asso.id}`)).body.charterVersion).toBe(2);
    });
  });

  describe("members and roles", () => {
    it("lists members by name with search; e-mails only for admins", async () => {
      const a = await createAssociation(t.ctx);
      const admin = await t.client().signInAs((await createMember(t.ctx, a.id, "admin")).id);
      const member = await t.client().signInAs((await createMember(t.ctx, a.id, "member", { displayName: "Zoé Membre" })).id);
      await createMember(t.ctx, a.id, "member", { displayName: "Hélène Éluard", email: "helene@example.fr" });
      await createMember(t.ctx, a.id, "guest", { displayName: "Partenaire Externe" });
      const url = `/api/v1/associations/${a.id}/members`;
      expect((await t.client().get(url)).status).toBe(401);
      expect((await member.get(`${url}?limit=1000`)).status).toBe(400);
      const guest = await t.client().signInAs((await createMember(t.ctx, a.id, "guest")).id);
      expect((await guest.get(url)).status).toBe(403);

      const seenByMember = await member.get(`${url}?q=helene`);
      expect(seenByMember.body.items).toHaveLength(1);
      expect(seenByMember.body.items[0]).toMatchObject({ displayName: "Hélène Éluard", email: null, role: "member" });
      const seenByAdmin = await admin.get(`${url}?q=ELUARD`);
      expect(seenByAdmin.body.items[0].email).toBe("helene@example.fr");

      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ displayName: string }>; nextCursor: string | null } } = await admin.get(
          `${url}?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        );
        names.push(...page.body.items.map((m) => m.displayName));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(names).toHaveLength(6);
      expect(new Set(names).size).toBe(6);
      expect(names.indexOf("Hélène Éluard")).toBeLessThan(names.indexOf("Partenaire Externe"));
      expect(names.at(-1)).toBe("Zoé Membre");
    });

    it("changes roles; only owners touch ownership; the last owner stays", async () => {
      const a = await createAssociation(t.ctx);
      const owner = await t.client().signInAs(a.ownerId);
      const adminUser = await createMember(t.ctx, a.id, "admin");
      const admin = await t.client().signInAs(adminUser.id);
      const target = await createMember(t.ctx, a.id, "member");
      const url = (userId: string) => `/api/v1/associations/${a.id}/members/${userId}`;

      expect((await t.client().patch(url(target.id), { role: "admin" })).status).toBe(401);
      expect((await admin.patch(url(target.id), { role: "superuser" })).status).toBe(400);
      expect((await admin.patch(url(NIL), { role: "admin" })).status).toBe(404);
      expect((await admin.patch(url(target.id), { role: "owner" })).status).toBe(403);
      expect((await admin.patch(url(a.ownerId), { role: "member" })).status).toBe(403);
      const promoted = await admin.patch(url(target.id), { role: "admin" });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ userId: target.id, role: "admin" });

      const lastOwner = await owner.patch(url(a.ownerId), { role: "admin" });
      expect(lastOwner.status).toBe(409);
      expect(lastOwner.body.error.code).toBe("LAST_OWNER");
      expect((await owner.patch(url(adminUser.id), { role: "owner" })).status).toBe(200);
      expect((await owner.patch(url(a.ownerId), { role: "admin" })).status).toBe(200);
      const audit = await admin.get(`/api/v1/associations/${a.id}/audit?limit=3`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        "associationMember.roleChanged",
        "associationMember.roleChanged",
        "associationMember.roleChanged",
      ]);
    });

    it("removes a member with their sphere memberships in one go, never the last owner nor a sphere's last manager", async () => {
      const a = await createAssociation(t.ctx);
      const admin = await t.client().signInAs((await createMember(t.ctx, a.id, "admin")).id);
      const leaving = await createMember(t.ctx, a.id, "member");
      const s1 = await createSphere(t.ctx, a.id, { visibility: "open" });
      const s2 = await createSphere(t.ctx, a.id, { visibility: "secret" });
      await addToSphere(t.ctx, a.id, s1.id, leaving.id, "member");
      await addToSphere(t.ctx, a.id, s2.id, leaving.id, "moderator");
      const url = (userId: string) => `/api/v1/associations/${a.id}/members/${userId}`;

      expect((await t.client().delete(url(leaving.id))).status).toBe(401);
      const member = await t.client().signInAs((await createMember(t.ctx, a.id, "member")).id);
      expect((await member.delete(url(leaving.id))).status).toBe(403);
      expect((await admin.delete(url(a.ownerId))).status).toBe(403);
      expect((await admin.delete(url(s1.managerId))).body.error.code).toBe("LAST_MANAGER");

      expect((await admin.delete(url(leaving.id))).status).toBe(200);
      const spheres = await admin.get(`/api/v1/associations/${a.id}/spheres`);
      const counts = Object.fromEntries(spheres.body.items.map((s: { id: string; memberCount: number }) => [s.id, s.memberCount]));
      expect(counts[s1.id]).toBe(1);
      expect(counts[s2.id]).toBe(1);
      const gone = await t.client().signInAs(leaving.id);
      expect((await gone.get(`/api/v1/associations/${a.id}`)).status).toBe(404);

      const owner = await t.client().signInAs(a.ownerId);
      const ownerLeaves = await owner.delete(url(a.ownerId));
      expect(ownerLeaves.body.error.code).toBe("LAST_OWNER");
    });

    it("lets a member leave on their own", async () => {
      const a = await createAssociation(t.ctx);
      const user = await createMember(t.ctx, a.id, "guest");
      const client = await t.client().signInAs(user.id);
      expect((await client.delete(`/api/v1/associations/${a.id}/members/${user.id}`)).status).toBe(200);
      expect((await client.get(`/api/v1/associations/${a.id}`)).status).toBe(404);
    });
  });

  describe("instance administration", () => {
    it("lists every association with member counts, searchable (401 → 400 → 403 → 200)", async () => {
      const url = "/api/v1/admin/associations";
      expect((await t.client().get(url)).status).toBe(401);
      const admin = await t.client().signInAs((await createUser(t.ctx, { isInstanceAdmin: true })).id);
      expect((await admin.get(`${url}?limit=0`)).status).toBe(400);
      const member = await t.client().signInAs((await createMember(t.ctx, asso.id)).id);
      expect((await member.get(url)).status).toBe(403);
      const found = await admin.get(`${url}?q=amis du`);
      expect(found.status).toBe(200);
      expect(found.body.items).toHaveLength(1);
      expect(found.body.items[0]).toMatchObject({ id: asso.id, slug: "amis-du-quartier" });
      expect(found.body.items[0].memberCount).toBeGreaterThan(3);
    });

    it("creates an association whose new owner gets an account without password and a welcome mail", async () => {
      const admin = await t.client().signInAs((await createUser(t.ctx, { isInstanceAdmin: true })).id);
      const url = "/api/v1/admin/associations";
      const parent = await admin.post(url, { name: "Fédération nationale", slug: "federation-nationale" });
      expect(parent.status).toBe(200);
      const bad = await admin.post(url, { name: "Bretagne", slug: "Bretagne !" });
      expect(bad.status).toBe(400);
      const orphan = await admin.post(url, { name: "Bretagne", slug: "bretagne", parentId: NIL });
      expect(orphan.status).toBe(400);
      expect(orphan.body.error.fields[0].path).toBe("parentId");
      const created = await admin.post(url, {
        name: "Groupe Bretagne",
        slug: "bretagne",
        parentId: parent.body.id,
        ownerEmail: "Yann@Example.fr",
        ownerName: "Yann Le Gall",
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ slug: "bretagne", parentId: parent.body.id, memberCount: 1 });
      const taken = await admin.post(url, { name: "Autre", slug: "bretagne" });
      expect(taken.status).toBe(409);

      const mail = await findLastMailTo(t.ctx, "Yann@Example.fr");
      expect(mail?.subject).toContain("Groupe Bretagne");
      const { findUserByEmail } = await import("../accounts/accounts.public.js");
      const owner = await findUserByEmail(t.ctx.db, "yann@example.fr");
      expect(owner).toMatchObject({ displayName: "Yann Le Gall", passwordHash: null });
      const client = await t.client().signInAs(owner!.id);
      expect((await client.get(`/api/v1/associations/${created.body.id}`)).body.myRole).toBe("owner");
    });
  });
});
