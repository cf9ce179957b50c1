import { describe, expect, test } from "vitest";
import { expectFitsWidth, expectNoAxeViolations, newPhoneContext } from "../support/browser.js";
import { createMember, signInContext } from "../support/data.js";
import { withInstance } from "../support/fixture.js";

describe("Demande de création d'une sphère", () => {
  const fixture = withInstance();

  test("un membre demande une sphère ; un administrateur l'accepte ; le membre la trouve et l'anime", async () => {
    const { server, session, instance } = fixture;
    const { association } = instance;
    // La gouvernance par défaut : les membres demandent, les administrateurs décident.
    const settings = await instance.admin.get<{ sphereCreationPolicy: string }>(`/api/v1/associations/${association.id}`);
    expect(settings.sphereCreationPolicy).toBe("request");
    const nadia = await createMember(server.url, instance.admin, association.id, { email: "nadia.haddad@exemple.fr", displayName: "Nadia Haddad" });

    // Nadia, membre, demande une sphère depuis l'accueil de l'association.
    const nadiaContext = session.context;
    await signInContext(nadiaContext, server.url, nadia.email);
    const page = session.page;
    await page.goto(`${server.url}/a/${association.slug}`);
    await page.getByRole("heading", { level: 1, name: association.name }).waitFor();
    expect(await page.getByRole("button", { name: "Créer une sphère" }).count()).toBe(0);
    await page.getByRole("button", { name: "Demander une sphère" }).click();
    const dialog = page.getByRole("dialog", { name: "Demander une sphère" });
    await dialog.getByText("Les administrateurs de l'association examinent chaque demande").waitFor();
    await expectNoAxeViolations(page, "dialogue de demande de sphère");
    await expectFitsWidth(page, "dialogue de demande de sphère");

    // Sans nom : le champ le dit.
    await dialog.getByRole("button", { name: "Envoyer la demande" }).click();
    await dialog.getByText("Saisissez au moins 2 caractères.").waitFor();
    await expectNoAxeViolations(page, "dialogue de demande de sphère avec erreur");

    await dialog.getByLabel("Nom de la sphère", { exact: true }).fill("Atelier vélo");
    await dialog.getByLabel("Description").fill("Réparer ensemble les vélos du quartier, un samedi par mois.");
    await dialog.getByRole("radio", { name: "Ouverte" }).check();
    await dialog.getByLabel("Pourquoi cette sphère ?").fill("Une dizaine d'adhérents réparent déjà leurs vélos ensemble.");
    await dialog.getByRole("button", { name: "Envoyer la demande" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("status").filter({ hasText: "Votre demande de sphère « Atelier vélo » est envoyée aux administrateurs." }).waitFor();
    await expectNoAxeViolations(page, "accueil après la demande de sphère");

    // Mehdi, administrateur, examine les demandes dans l'administration de l'association.
    const adminContext = await newPhoneContext(session.browser);
    await signInContext(adminContext, server.url, instance.adminEmail);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${server.url}/a/${association.slug}`);
    await adminPage.getByRole("heading", { level: 1, name: association.name }).waitFor();
    await adminPage.getByRole("button", { name: "Créer une sphère" }).waitFor();
    await expectNoAxeViolations(adminPage, "accueil de l'association (administrateur)");
    await adminPage.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Administration" }).click();
    await adminPage.getByRole("heading", { level: 1, name: "Administration de l'association" }).waitFor();
    await expectNoAxeViolations(adminPage, "administration de l'association");
    await adminPage
      .getByRole("navigation", { name: "Sections de l'administration" })
      .getByRole("link", { name: "Demandes de sphères" })
      .click();
    await adminPage.waitForURL((url) => url.pathname === `/a/${association.slug}/admin/sphere-requests`);
    const card = adminPage.getByRole("listitem").filter({ has: adminPage.getByRole("heading", { name: "Atelier vélo" }) });
    await card.getByText("Demandée par Nadia Haddad").waitFor();
    await card.getByText("Une dizaine d'adhérents réparent déjà leurs vélos ensemble.").waitFor();
    await expectNoAxeViolations(adminPage, "demandes de sphères");
    await expectFitsWidth(adminPage, "demandes de sphères");
    await card.getByRole("button", { name: "Approuver" }).click();
    await adminPage.getByRole("status").filter({ hasText: "La sphère « Atelier vélo » est créée." }).waitFor();
    await adminPage.getByText("Aucune demande en attente.").waitFor();
    await expectNoAxeViolations(adminPage, "demandes de sphères après approbation");

    // Dans « Toutes les demandes », elle figure comme acceptée, avec un lien vers la sphère.
    await adminPage.getByLabel("Afficher", { exact: true }).selectOption("all");
    const decided = adminPage.getByRole("listitem").filter({ has: adminPage.getByRole("heading", { name: "Atelier vélo" }) });
    await decided.getByText("Acceptée", { exact: true }).waitFor();
    await decided.getByRole("link", { name: "Voir la sphère" }).waitFor();
    await expectNoAxeViolations(adminPage, "toutes les demandes de sphères");

    // Nadia retrouve la sphère parmi les siennes, dont elle est l'animatrice.
    await page.reload();
    const mine = page.getByRole("region", { name: "Mes sphères" });
    const entry = mine.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Atelier vélo" }) });
    await entry.getByText("Animateur·rice", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "accueil avec la nouvelle sphère");
    await entry.getByRole("link", { name: "Atelier vélo" }).click();
    await page.getByRole("heading", { level: 1, name: "Atelier vélo" }).waitFor();
    await page.getByText("Votre rôle dans cette sphère : Animateur·rice.").waitFor();
    await page.getByText("Réparer ensemble les vélos du quartier, un samedi par mois.").waitFor();
    await page.getByRole("region", { name: "Réglages de la sphère" }).waitFor();
    await expectNoAxeViolations(page, "page de la nouvelle sphère (animatrice)");
    await expectFitsWidth(page, "page de la nouvelle sphère (animatrice)");

    await adminContext.close();
  });
});
