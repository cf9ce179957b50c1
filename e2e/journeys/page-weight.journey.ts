import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { formatFigure, writeResults, type Figure } from "../../bench/src/lib/results.js";
import { newPhoneContext } from "../support/browser.js";
import { createMember, signInContext } from "../support/data.js";
import { withInstance } from "../support/fixture.js";
import { ecoIndex, ecoIndexGrade, measurePage, type PageWeight } from "../support/page-weight.js";

// Product budgets (QUALITY.md), not timings: what a first visit of a page costs over the network.
const FIRST_LOAD_JS_BUDGET_KB = 150;
const ECOINDEX_BUDGET = 80;

describe("Poids des pages", () => {
  test("la formule de l'EcoIndex donne les valeurs attendues aux quantiles", () => {
    expect(ecoIndex(0, 0, 0)).toBe(100);
    // Each measure exactly at its first quantile, then at its second: positions 1 and 2.
    expect(ecoIndex(47, 2, 1.37)).toBeCloseTo(95, 10);
    expect(ecoIndex(75, 15, 144.7)).toBeCloseTo(90, 10);
    // Halfway between two quantiles: linear.
    expect(ecoIndex((75 + 159) / 2, 15, 144.7)).toBeCloseTo(90 - (5 * 3 * 0.5) / 6, 10);
    // Past the last quantile: position 20 for each, score 0.
    expect(ecoIndex(600_000, 4000, 300_000)).toBe(0);
    expect([ecoIndexGrade(80.5), ecoIndexGrade(80), ecoIndexGrade(56), ecoIndexGrade(3)]).toEqual(["A", "B", "C", "G"]);
  });

  const fixture = withInstance();

  test("première visite de chaque page, sur un téléphone : JavaScript transmis ≤ 150 Ko compressés, EcoIndex A sur les pages des membres", async () => {
    const { server, session, instance } = fixture;
    const { association } = instance;
    // Léa, membre de l'association, dans deux sphères ouvertes : ce qu'un membre voit d'ordinaire.
    const lea = await createMember(server.url, instance.admin, association.id, { email: "lea.dubois@exemple.fr", displayName: "Léa Dubois" });
    const spheres: { id: string }[] = [];
    for (const name of ["Jardin du mercredi", "Compost collectif"]) {
      const sphere = await instance.admin.post<{ id: string }>(`/api/v1/associations/${association.id}/spheres`, {
        name,
        description: "Rendez-vous chaque semaine pour entretenir les parcelles.",
        visibility: "open",
      });
      await instance.admin.post(`/api/v1/associations/${association.id}/spheres/${sphere.id}/members`, { userId: lea.id, role: "member" });
      spheres.push(sphere);
    }
    const heading = (name: string) => async (page: Page) => {
      await page.getByRole("heading", { level: 1, name }).waitFor();
    };
    const pages: { key: string; label: string; path: string; member: boolean; ready: (page: Page) => Promise<void> }[] = [
      { key: "sign-in", label: "connexion", path: "/sign-in", member: false, ready: heading("Connexion") },
      { key: "association-home", label: "accueil de l'association", path: `/a/${association.slug}`, member: true, ready: heading(association.name) },
      { key: "sphere", label: "sphère", path: `/a/${association.slug}/spheres/${spheres[0]!.id}`, member: true, ready: heading("Jardin du mercredi") },
      { key: "account", label: "mon compte", path: "/account", member: true, ready: heading("Mon compte") },
    ];

    const measured: { key: string; label: string; member: boolean; weight: PageWeight }[] = [];
    for (const target of pages) {
      // A context per page: its cache is empty, as on a first visit.
      const context = await newPhoneContext(session.browser);
      if (target.member) await signInContext(context, server.url, lea.email);
      const weight = await measurePage(context, server.url + target.path, target.ready);
      await context.close();
      measured.push({ key: target.key, label: target.label, member: target.member, weight });
    }

    const figures: Figure[] = measured.flatMap(({ key, weight }) => {
      const jsKb = weight.scriptBytes / 1024;
      return [
        { metric: `${key}.first-load-js`, value: jsKb, baseline: FIRST_LOAD_JS_BUDGET_KB, unit: "KB", ratio: jsKb / FIRST_LOAD_JS_BUDGET_KB, target: `≤ ${FIRST_LOAD_JS_BUDGET_KB} KB`, meetsTarget: jsKb <= FIRST_LOAD_JS_BUDGET_KB },
        { metric: `${key}.page-size`, value: weight.totalBytes / 1024, baseline: null, unit: "KB", ratio: null },
        { metric: `${key}.requests`, value: weight.requests, baseline: null, unit: "requests", ratio: null },
        { metric: `${key}.dom-elements`, value: weight.domElements, baseline: null, unit: "elements", ratio: null },
        {
          metric: `${key}.ecoindex`,
          value: weight.ecoIndex,
          baseline: ECOINDEX_BUDGET,
          unit: "score",
          ratio: weight.ecoIndex / ECOINDEX_BUDGET,
          target: `≥ ${ECOINDEX_BUDGET} (grade ${weight.grade})`,
          meetsTarget: weight.ecoIndex >= ECOINDEX_BUDGET,
        },
      ];
    });
    writeResults("page-weight", "journeys", figures);
    for (const figure of figures) console.log(formatFigure("page-weight", "journeys", figure));

    for (const { label, member, weight } of measured) {
      const scripts = weight.scripts.map((s) => `${s.url}: ${s.decodedBytes} bytes sent as ${s.bytes} (${s.encoding})`).join("\n");
      console.log(`${label}:\n${scripts}`);
      // Every script of 1 KB or more crossed the network compressed (brotli or gzip, as the browser accepts).
      for (const script of weight.scripts.filter((s) => s.decodedBytes >= 1024)) {
        expect(script.encoding, `${label}: ${script.url} sent as ${script.encoding}`).toMatch(/^(?:br|gzip)$/);
      }
      expect(weight.scriptBytes / 1024, `${label}: JavaScript over the wire\n${scripts}`).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET_KB);
      if (member) expect(weight.ecoIndex, `${label}: EcoIndex (${weight.domElements} elements, ${weight.requests} requests, ${(weight.totalBytes / 1024).toFixed(1)} KB)`).toBeGreaterThanOrEqual(ECOINDEX_BUDGET);
    }
  });
});
