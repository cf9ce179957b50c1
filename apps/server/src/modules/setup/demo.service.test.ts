import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SphereSummary } from "@trame/contracts";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { findUserByEmail } from "../accounts/accounts.public.js";
import { listAllAssociations } from "../associations/associations.public.js";
import { DEMO_PASSWORD, demoEmail, federation, people, territorialGroups } from "./demo-data.js";
import { loadDemo } from "./demo.service.js";

const emailOf = (key: string) => demoEmail(people.find((p) => p.key === key)!);

describe("the demo federation", () => {
  let t: TestApp;
  const printed: string[] = [];
  let loaded: boolean;

  beforeAll(async () => {
    // Many sign-ins from one address in a few seconds: above the default limit, which is not what is tested here.
    t = await createTestApp({ AUTH_RATE_LIMIT: "1000" });
    loaded = await loadDemo(t.ctx, { print: (line) => printed.push(line) });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  async function signIn(key: string) {
    const client = t.client();
    const res = await client.post("/api/v1/auth/sign-in", { email: emailOf(key), password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return client;
  }

  async function directory(key: string, associationId: string): Promise<SphereSummary[]> {
    const client = await signIn(key);
    const res = await client.get<{ items: SphereSummary[]; nextCursor: string | null }>(`/api/v1/associations/${associationId}/spheres?limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items;
  }

  async function federationId(): Promise<string> {
    const page = await listAllAssociations(t.ctx, { q: federation.name, limit: 10 });
    return page.items.find((a) => a.slug === federation.slug)!.id;
  }

  it("loads into an empty instance and prints four sign-ins with the one demo password", () => {
    expect(loaded).toBe(true);
    const text = printed.join("\n");
    expect(text).toContain(DEMO_PASSWORD);
    for (const key of ["julien", "claire", "yannick", "lea"]) expect(text).toContain(emailOf(key));
  });

  it("tells its progress while it loads: a line per step and per association, before the summary", () => {
    const summary = printed.findIndex((line) => line.startsWith("Demo loaded"));
    const steps = printed.slice(0, summary);
    expect(steps[0]).toMatch(/demo: set-up: \d+\.\d\d s$/);
    expect(steps.some((line) => /demo: 59 accounts: /.test(line))).toBe(true);
    for (const association of [federation, ...territorialGroups]) {
      expect(steps.filter((line) => line.includes(`demo: ${association.name}, `))).toHaveLength(2);
    }
  });

  it("creates a national federation with its three territorial groups and 60 members", async () => {
    const page = await listAllAssociations(t.ctx, { limit: 100 });
    expect(page.items).toHaveLength(4);
    const national = page.items.find((a) => a.slug === federation.slug)!;
    expect(national.memberCount).toBe(60);
    const groups = page.items.filter((a) => a.parentId === national.id).map((a) => a.name).sort();
    expect(groups).toEqual(["Trame Bretagne", "Trame Occitanie", "Trame Île-de-France"]);
    const admin = await findUserByEmail(t.ctx.db, emailOf("julien"));
    expect(admin?.isInstanceAdmin).toBe(true);
  });

  it("gives every demo account the demo password, which meets the password rule", async () => {
    for (const key of ["julien", "claire", "yannick", "lea", "emily"]) await signIn(key);
  });

  it("has spheres of every visibility, nested national → regional → local", async () => {
    const spheres = await directory("claire", await federationId());
    expect(new Set(spheres.map((s) => s.visibility))).toEqual(new Set(["secret", "private", "open", "public"]));
    const byName = new Map(spheres.map((s) => [s.name, s]));
    const rennes = byName.get("Groupe local de Rennes")!;
    const bretagne = byName.get("Bretagne")!;
    expect(rennes.parentId).toBe(bretagne.id);
    expect(bretagne.parentId).toBe(byName.get("Réseau des territoires")!.id);
  });

  it("hides the secret bureau from a plain member, who has a pending request to join the board", async () => {
    const spheres = await directory("lea", await federationId());
    const names = spheres.map((s) => s.name);
    expect(names).not.toContain("Bureau national");
    const board = spheres.find((s) => s.name === "Conseil d'administration")!;
    expect(board).toMatchObject({ visibility: "private", myRole: null, hasPendingRequest: true });
    expect(spheres.find((s) => s.name === "Groupe local de Montreuil")?.myRole).toBe("member");
  });

  it("makes Yannick the manager of the Rennes local group", async () => {
    const spheres = await directory("yannick", await federationId());
    expect(spheres.find((s) => s.name === "Groupe local de Rennes")?.myRole).toBe("manager");
  });

  it("leaves a sphere creation request waiting for the federation's administrators, and publishes a charter", async () => {
    const id = await federationId();
    const client = await signIn("claire");
    const requests = await client.get<{ items: { name: string; status: string }[] }>(`/api/v1/associations/${id}/sphere-requests?status=pending`);
    expect(requests.status).toBe(200);
    expect(requests.body.items.map((r) => r.name)).toEqual(["Atelier vélo solidaire"]);
    const charter = await client.get<{ version: number; body: string }>(`/api/v1/associations/${id}/charter`);
    expect(charter.status).toBe(200);
    expect(charter.body.body).toContain("Charte de la Fédération Trame des Solidarités");
  });

  it("refuses a second load, says why, and changes nothing", async () => {
    const before = await listAllAssociations(t.ctx, { limit: 100 });
    const lines: string[] = [];
    expect(await loadDemo(t.ctx, { print: (line) => lines.push(line) })).toBe(false);
    expect(lines.join("\n")).toMatch(/not loaded: this instance is already set up/);
    const after = await listAllAssociations(t.ctx, { limit: 100 });
    expect(after.items).toEqual(before.items);
  });
});
