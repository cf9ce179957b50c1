import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerEvents } from "@trame/contracts";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { addToSphere, createAssociation as createTestAssociation, createMember, createSphere, createUser } from "../../test/factories.js";
import { findUserByEmail } from "../accounts/accounts.public.js";
import { canJoinSphereRoom } from "../spheres/spheres.public.js";
import { findAssociationMembership } from "./association-members.repository.js";
import { canJoinAssociationRoom } from "./associations.rooms.js";
import { addAssociationMember, createAssociation, listAllAssociations } from "./associations.service.js";

/** The functions the CLI and the demo call directly, and the rooms the real-time hub asks about. */
describe("associations service", () => {
  let t: TestApp;
  const events: Array<ServerEvents["associationMembership.changed"]> = [];
  beforeAll(async () => {
    t = await createTestApp();
    t.ctx.events.on("associationMembership.changed", (e) => events.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates an association without an actor, its owner found by e-mail whatever the case", async () => {
    const existing = await createUser(t.ctx, { email: "marie@example.fr", displayName: "Marie" });
    const created = await createAssociation(t.ctx, { name: "Club de lecture", slug: "club-lecture", ownerEmail: "MARIE@example.fr" }, null);
    expect(created).toMatchObject({ name: "Club de lecture", slug: "club-lecture", language: "fr", timeZone: "Europe/Paris", parentId: null });
    expect(await findAssociationMembership(t.ctx.db, created.id, existing.id)).toMatchObject({ role: "owner" });
    expect(events.at(-1)).toEqual({ associationId: created.id, userId: existing.id, role: "owner" });
    expect(await findUserByEmail(t.ctx.db, "marie@example.fr")).toMatchObject({ id: existing.id });
  });

  it("validates its input like the API does", async () => {
    await expect(createAssociation(t.ctx, { name: "X", slug: "x" }, null)).rejects.toThrow();
    await expect(createAssociation(t.ctx, { name: "Doublon", slug: "club-lecture" }, null)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("adds, re-roles and protects the last owner", async () => {
    const a = await createTestAssociation(t.ctx);
    const user = await createUser(t.ctx);
    await addAssociationMember(t.ctx, a.id, user.id, "guest", null);
    expect(await findAssociationMembership(t.ctx.db, a.id, user.id)).toMatchObject({ role: "guest" });
    await addAssociationMember(t.ctx, a.id, user.id, "admin", null);
    expect(await findAssociationMembership(t.ctx.db, a.id, user.id)).toMatchObject({ role: "admin" });
    expect(events.at(-1)).toEqual({ associationId: a.id, userId: user.id, role: "admin" });
    await expect(addAssociationMember(t.ctx, a.id, a.ownerId, "member", null)).rejects.toMatchObject({ code: "LAST_OWNER" });
    await expect(addAssociationMember(t.ctx, "00000000-0000-4000-8000-000000000000", user.id, "member", null)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists every association by name across pages, with member counts", async () => {
    await createTestAssociation(t.ctx, { name: "Zéphyr" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAllAssociations(t.ctx, { limit: 1, cursor });
      seen.push(...page.items.map((i) => i.name));
      for (const item of page.items) expect(item.memberCount).toBeGreaterThanOrEqual(1);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // The factory's association ("Association …"), the one created above, and Zéphyr — by folded name.
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatch(/^Association /);
    expect(seen.slice(1)).toEqual(["Club de lecture", "Zéphyr"]);
    expect((await listAllAssociations(t.ctx, { limit: 10, q: "zephyr" })).items.map((i) => i.name)).toEqual(["Zéphyr"]);
  });

  it("lets into real-time rooms exactly those who may read", async () => {
    const a = await createTestAssociation(t.ctx);
    const secret = await createSphere(t.ctx, a.id, { visibility: "secret" });
    const open = await createSphere(t.ctx, a.id, { visibility: "open" });
    const member = await createMember(t.ctx, a.id, "member");
    const guest = await createMember(t.ctx, a.id, "guest");
    const insider = await createMember(t.ctx, a.id, "member");
    await addToSphere(t.ctx, a.id, secret.id, insider.id);
    const admin = await createMember(t.ctx, a.id, "admin");
    const outsider = await createUser(t.ctx);

    expect(await canJoinAssociationRoom(t.ctx, guest.id, a.id)).toBe(true);
    expect(await canJoinAssociationRoom(t.ctx, outsider.id, a.id)).toBe(false);
    const table: Array<[string, string, boolean, boolean]> = [
      // who, id, secret sphere room, open sphere room
      ["member", member.id, false, true],
      ["member of the secret sphere", insider.id, true, true],
      ["guest", guest.id, false, false],
      ["admin", admin.id, true, true],
      ["outsider", outsider.id, false, false],
    ];
    for (const [who, id, inSecret, inOpen] of table) {
      expect({ who, secret: await canJoinSphereRoom(t.ctx, id, secret.id) }).toEqual({ who, secret: inSecret });
      expect({ who, open: await canJoinSphereRoom(t.ctx, id, open.id) }).toEqual({ who, open: inOpen });
    }
  });
});
