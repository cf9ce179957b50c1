import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, type TestAssociation } from "../../test/factories.js";
import { canJoinSphereRoom } from "../spheres/spheres.public.js";
import { canJoinAssociationRoom } from "./associations.rooms.js";

/**
 * Association A's people — its owner included, the strongest role short of running the instance — can neither
 * read, list, count nor guess anything of association B: B's ids answer exactly what an id that never existed
 * answers, lists never hold B's rows, and searches never reveal B's names.
 */
describe("tenant isolation between associations", () => {
  let t: TestApp;
  let a: TestAssociation;
  let b: TestAssociation;
  let ownerA: TestClient;
  let memberA: TestClient;
  let aSphere: { id: string; managerId: string };
  const B = {} as {
    member: string;
    sphere: Record<"secret" | "private" | "open" | "public", string>;
    joinRequest: string;
    creationRequest: string;
    invitation: string;
    memberCount: number;
  };
  const RANDOM = "4b6f2a0e-9c1d-4e5f-8a7b-3c2d1e0f9a8b";

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "10000" });
    a = await createAssociation(t.ctx, { name: "Association Alpha", slug: "alpha" });
    b = await createAssociation(t.ctx, { name: "Association Bêta confidentielle", slug: "beta", sphereCreationPolicy: "request" });
    ownerA = await t.client().signInAs(a.ownerId);
    memberA = await t.client().signInAs((await createMember(t.ctx, a.id, "member")).id);
    aSphere = await createSphere(t.ctx, a.id, { name: "Sphère Alpha", visibility: "open", managerId: a.ownerId });

    // Association B, with one of everything.
    const ownerB = await t.client().signInAs(b.ownerId);
    const memberB = await createMember(t.ctx, b.id, "member", { displayName: "Bérénice Bêta" });
    B.member = memberB.id;
    const memberBClient = await t.client().signInAs(memberB.id);
    B.sphere = {
      secret: (await createSphere(t.ctx, b.id, { name: "Bêta secrète", visibility: "secret" })).id,
      private: (await createSphere(t.ctx, b.id, { name: "Bêta privée", visibility: "private" })).id,
      open: (await createSphere(t.ctx, b.id, { name: "Bêta ouverte", visibility: "open" })).id,
      public: (await createSphere(t.ctx, b.id, { name: "Bêta publique", visibility: "public" })).id,
    };
    await addToSphere(t.ctx, b.id, B.sphere.open, memberB.id);
    B.joinRequest = (await memberBClient.post(`/api/v1/associations/${b.id}/spheres/${B.sphere.private}/join-requests`, {})).body.id;
    B.creationRequest = (await memberBClient.post(`/api/v1/associations/${b.id}/sphere-requests`, { name: "Bêta demandée" })).body.id;
    B.invitation = (await ownerB.post(`/api/v1/associations/${b.id}/invitations/links`, {})).body.id;
    await ownerB.put(`/api/v1/associations/${b.id}/charter`, { body: "Charte Bêta" });
    expect([B.joinRequest, B.creationRequest, B.invitation].every(Boolean)).toBe(true);
    B.memberCount = (await ownerB.get(`/api/v1/associations/${b.id}/members?limit=100`)).body.items.length;
  });
  afterAll(async () => {
    await t?.close();
  });

  type Probe = [method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", path: string, body?: unknown];
  /** Every route, aimed at B — directly, or through A's path with one of B's ids inside. */
  const probes = (): Probe[] => {
    const ab = `/api/v1/associations/${b.id}`;
    const aa = `/api/v1/associations/${a.id}`;
    const bs = (s: string) => `${ab}/spheres/${s}`;
    const list: Probe[] = [
      ["GET", ab],
      ["GET", "/api/v1/associations/by-slug/beta"],
      ["PATCH", ab, { name: "Piratée" }],
      ["GET", `${ab}/charter`],
      ["PUT", `${ab}/charter`, { body: "Piratée" }],
      ["GET", `${ab}/members`],
      ["PATCH", `${ab}/members/${B.member}`, { role: "admin" }],
      ["DELETE", `${ab}/members/${B.member}`],
      ["GET", `${ab}/audit`],
      // B's directory shows outsiders B's public sphere (tested below), not B's other ones: not probed here.
      ["POST", `${ab}/spheres`, { name: "Intruse" }],
      ["GET", `${ab}/sphere-requests`],
      ["POST", `${ab}/sphere-requests`, { name: "Intruse" }],
      ["POST", `${ab}/sphere-requests/${B.creationRequest}/decision`, { decision: "approve" }],
      ["GET", `${ab}/invitations`],
      ["POST", `${ab}/invitations/emails`, { emails: "x@example.fr" }],
      ["POST", `${ab}/invitations/links`, {}],
      ["DELETE", `${ab}/invitations/${B.invitation}`],
      // B's ids slipped into A's paths.
      ["GET", `${aa}/spheres/${B.sphere.open}`],
      ["GET", `${aa}/spheres/${B.sphere.public}`],
      ["POST", `${aa}/spheres/${B.sphere.open}/join`],
      ["PATCH", `${aa}/members/${B.member}`, { role: "admin" }],
      ["DELETE", `${aa}/members/${B.member}`],
      ["POST", `${aa}/spheres/${aSphere.id}/members`, { userId: B.member }],
      ["PATCH", `${aa}/spheres/${aSphere.id}/members/${B.member}`, { role: "moderator" }],
      ["DELETE", `${aa}/spheres/${aSphere.id}/members/${B.member}`],
      ["POST", `${aa}/spheres/${aSphere.id}/join-requests/${B.joinRequest}/decision`, { decision: "approve" }],
      ["POST", `${aa}/spheres/${aSphere.id}/join-requests/${B.joinRequest}/cancel`],
      ["POST", `${aa}/sphere-requests/${B.creationRequest}/decision`, { decision: "approve" }],
      ["DELETE", `${aa}/invitations/${B.invitation}`],
      ["POST", `${aa}/invitations/emails`, { emails: "x@example.fr", sphereId: B.sphere.open }],
    ];
    for (const [visibility, id] of Object.entries(B.sphere)) {
      if (visibility === "public") continue; // readable by anyone, by design (tested below)
      list.push(
        ["GET", bs(id)],
        ["PATCH", bs(id), { name: "Piratée" }],
        ["POST", `${bs(id)}/archive`],
        ["POST", `${bs(id)}/unarchive`],
        ["DELETE", bs(id), { confirmName: "x" }],
        ["POST", `${bs(id)}/join`],
        ["POST", `${bs(id)}/leave`],
        ["POST", `${bs(id)}/join-requests`, {}],
        ["GET", `${bs(id)}/join-requests`],
        ["GET", `${bs(id)}/members`],
        ["POST", `${bs(id)}/members`, { userId: B.member }],
        ["PATCH", `${bs(id)}/members/${B.member}`, { role: "moderator" }],
        ["DELETE", `${bs(id)}/members/${B.member}`],
      );
    }
    list.push(["POST", `${bs(B.sphere.private)}/join-requests/${B.joinRequest}/decision`, { decision: "approve" }]);
    list.push(["POST", `${bs(B.sphere.private)}/join-requests/${B.joinRequest}/cancel`]);
    return list;
  };

  /** The same request with every id of B replaced by ids that never existed. */
  const withRandomIds = (path: string, body: unknown): [string, unknown] => {
    let p = path.replaceAll(b.id, RANDOM).replace("/by-slug/beta", "/by-slug/nowhere");
    let json = JSON.stringify(body ?? null);
    for (const id of [B.member, B.joinRequest, B.creationRequest, B.invitation, ...Object.values(B.sphere)]) {
      const fresh = RANDOM.slice(0, -4) + id.slice(-4);
      p = p.replaceAll(id, fresh);
      json = json.replaceAll(id, fresh);
    }
    return [p, JSON.parse(json)];
  };

  it.each(["owner", "member"] as const)("A's %s gets from every route aimed at B what a made-up id gets: NOT_FOUND on B's paths", async (who) => {
    const client = who === "owner" ? ownerA : memberA;
    for (const [method, path, body] of probes()) {
      const res = await client.request<{ error?: { code: string } }>(method, path, body);
      const [randomPath, randomBody] = withRandomIds(path, body);
      const control = await client.request<unknown>(method, randomPath, randomBody ?? undefined);
      const label = `${method} ${path}`;
      if (path.startsWith(`/api/v1/associations/${a.id}/`)) {
        // In A's own paths, A's member may be stopped earlier by A's own rules (403), or the id in the body is
        // "unknown" (400): either way the answer is the one a made-up id gets, compared below.
        expect({ label, status: [400, 403, 404].includes(res.status) }).toEqual({ label, status: true });
      } else {
        expect({ label, status: res.status, code: res.body?.error?.code }).toEqual({ label, status: 404, code: "NOT_FOUND" });
      }
      expect({ label, body: res.body }).toEqual({ label, body: control.body });
    }
  });

  it("B's unchanged after all these attempts", async () => {
    const ownerB = await t.client().signInAs(b.ownerId);
    expect((await ownerB.get(`/api/v1/associations/${b.id}`)).body.name).toBe("Association Bêta confidentielle");
    const members = await ownerB.get(`/api/v1/associations/${b.id}/members`);
    expect(members.body.items).toHaveLength(B.memberCount);
    const requests = await ownerB.get(`/api/v1/associations/${b.id}/sphere-requests?status=pending`);
    expect(requests.body.items).toHaveLength(1);
  });

  it("lists and searches of A never hold B's rows nor names", async () => {
    const spheres = await ownerA.get(`/api/v1/associations/${a.id}/spheres?limit=100`);
    expect(spheres.body.items.map((s: { name: string }) => s.name)).toEqual(["Sphère Alpha"]);
    for (const q of ["beta", "bêta", "secrète", "b"]) {
      const found = await ownerA.get(`/api/v1/associations/${a.id}/spheres?q=${encodeURIComponent(q)}`);
      expect(found.body.items.filter((s: { name: string }) => /ta/i.test(s.name))).toEqual([]);
      const people = await ownerA.get(`/api/v1/associations/${a.id}/members?q=${encodeURIComponent(q)}`);
      expect(people.body.items.map((m: { userId: string }) => m.userId)).not.toContain(B.member);
    }
    const mine = await ownerA.get("/api/v1/me/associations");
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const audit = await ownerA.get(`/api/v1/associations/${a.id}/audit?limit=100`);
    expect(JSON.stringify(audit.body)).not.toContain(b.id);
    const invitations = await ownerA.get(`/api/v1/associations/${a.id}/invitations`);
    expect(invitations.body.items).toEqual([]);
    const requests = await ownerA.get(`/api/v1/associations/${a.id}/sphere-requests`);
    expect(requests.body.items).toEqual([]);
    // Counting everything is the instance administrators' business only.
    expect((await ownerA.get("/api/v1/admin/associations")).status).toBe(403);
  });

  it("B's public sphere is readable by anyone — and reveals nothing else of B", async () => {
    // Public by B's choice: its branding, the sphere's about page and its place in B's directory, nothing more.
    for (const client of [memberA, t.client()]) {
      expect((await client.get("/api/v1/associations/by-slug/beta/branding")).status).toBe(200);
      const res = await client.get(`/api/v1/associations/${b.id}/spheres/${B.sphere.public}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: "Bêta publique", myRole: null, abilities: { "sphere.read": true, "sphere.join": false } });
      for (const q of ["", "?q=beta", "?q=b%C3%AAta", "?q=secr", "?includeArchived=true&limit=100"]) {
        const directory = await client.get(`/api/v1/associations/${b.id}/spheres${q}`);
        expect({ q, status: directory.status }).toEqual({ q, status: 200 });
        expect(directory.body.items.map((s: { id: string }) => s.id)).toEqual(q === "?q=secr" ? [] : [B.sphere.public]);
      }
      expect((await client.get(`/api/v1/associations/${b.id}/spheres?mine=true`)).body.items).toEqual([]);
      expect((await client.get("/api/v1/associations/by-slug/beta")).status).toBe(client === memberA ? 404 : 401);
    }
    const members = await memberA.get(`/api/v1/associations/${b.id}/spheres/${B.sphere.public}/members`);
    expect({ status: members.status, code: members.body.error.code }).toEqual({ status: 404, code: "NOT_FOUND" });
    expect((await memberA.post(`/api/v1/associations/${b.id}/spheres/${B.sphere.public}/join`)).status).toBe(403);
  });

  it("the public listing of A never shows B's spheres, to anybody", async () => {
    const aPublic = await createSphere(t.ctx, a.id, { name: "Alpha ouverte à tous", visibility: "public", managerId: a.ownerId });
    const ownerB = await t.client().signInAs(b.ownerId);
    for (const client of [t.client(), ownerB]) {
      for (const q of ["", "?q=beta", "?q=b%C3%AAta", "?q=publique", "?includeArchived=true&limit=100"]) {
        const res = await client.get(`/api/v1/associations/${a.id}/spheres${q}`);
        expect({ q, status: res.status }).toEqual({ q, status: 200 });
        expect(res.body.items.map((s: { id: string }) => s.id)).toEqual(q === "" || q.startsWith("?include") ? [aPublic.id] : []);
      }
      // B's public sphere through A's path: what a sphere that never existed gets.
      expect((await client.get(`/api/v1/associations/${a.id}/spheres/${B.sphere.public}`)).status).toBe(404);
      expect((await client.get(`/api/v1/associations/${a.id}/spheres?parentId=${B.sphere.public}`)).body.items).toEqual([]);
    }
  });

  it("A's people cannot enter B's real-time rooms", async () => {
    expect(await canJoinAssociationRoom(t.ctx, a.ownerId, b.id)).toBe(false);
    expect(await canJoinAssociationRoom(t.ctx, a.ownerId, a.id)).toBe(true);
    for (const [visibility, id] of Object.entries(B.sphere)) {
      // Public spheres are readable by anyone signed in: their room is too.
      expect(await canJoinSphereRoom(t.ctx, a.ownerId, id)).toBe(visibility === "public");
    }
    expect(await canJoinSphereRoom(t.ctx, a.ownerId, aSphere.id)).toBe(true);
    expect(await canJoinSphereRoom(t.ctx, a.ownerId, "not-an-id")).toBe(false);
  });
});
