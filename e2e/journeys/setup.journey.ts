import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectFitsWidth, expectNoAxeViolations, openBrowser, type BrowserSession } from "../support/browser.js";
import { PASSWORD } from "../support/data.js";
import { startServer, type RunningServer } from "../support/server.js";

describe("Installation d'une instance neuve", () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  test("la page d'installation crée l'administrateur et la première association, la session tient, puis on se déconnecte", async () => {
    const { page } = session;

    // Une instance vide : toute adresse mène à la page d'installation.
    await page.goto(server.url + "/");
    await page.waitForURL("**/setup");
    await page.getByRole("heading", { level: 1, name: "Installation de Trame" }).waitFor();
    await expectNoAxeViolations(page, "page d'installation");
    await expectFitsWidth(page, "page d'installation");

    // Envoyer le formulaire vide : chaque champ dit ce qui manque, en français.
    await page.getByRole("button", { name: "Créer l'instance" }).click();
    await page.getByRole("alert").filter({ hasText: "Certains champs sont à corriger" }).waitFor();
    expect(await page.getByLabel("Adresse e-mail", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.getByText("Saisissez une adresse e-mail complète, par exemple jeanne@exemple.fr.").waitFor();
    await expectNoAxeViolations(page, "page d'installation avec erreurs");

    await page.getByLabel("Adresse e-mail", { exact: true }).fill("mehdi.benali@exemple.fr");
    await page.getByLabel("Nom affiché", { exact: true }).fill("Mehdi Benali");
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByText("ce mot de passe convient.").waitFor();
    await page.getByLabel("Nom de l'association", { exact: true }).fill("Les Jardins Partagés de Belleville");
    // L'adresse web se déduit du nom.
    expect(await page.getByLabel("Adresse web de l'association", { exact: true }).inputValue()).toBe("les-jardins-partages-de-belleville");
    await page.getByLabel("Adresse web de l'association", { exact: true }).fill("jardins-belleville");
    expect(await page.getByLabel("Langue", { exact: true }).inputValue()).toBe("fr");
    expect(await page.getByLabel("Fuseau horaire", { exact: true }).inputValue()).toBe("Europe/Paris");
    await expectNoAxeViolations(page, "page d'installation remplie");
    await page.getByRole("button", { name: "Créer l'instance" }).click();

    // L'accueil de l'association : ses sphères (aucune encore), et l'administration à portée de main.
    await page.waitForURL("**/a/jardins-belleville");
    await page.getByRole("heading", { level: 1, name: "Les Jardins Partagés de Belleville" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Mes sphères" }).waitFor();
    await page.getByText("Vous n'avez encore rejoint aucune sphère.").waitFor();
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await nav.getByRole("link", { name: "Administration" }).waitFor();
    await nav.getByRole("link", { name: "Instance" }).waitFor();
    await expectNoAxeViolations(page, "accueil de l'association");
    await expectFitsWidth(page, "accueil de l'association");

    // Recharger la page : la session est gardée (cookie), on reste dans l'association.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Les Jardins Partagés de Belleville" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/a/jardins-belleville");
    await nav.getByRole("button", { name: "Se déconnecter" }).waitFor();
    await expectNoAxeViolations(page, "accueil de l'association après rechargement");

    // L'installation est faite : la page d'installation n'est plus offerte.
    await page.goto(server.url + "/setup");
    await page.waitForURL((url) => url.pathname === "/a/jardins-belleville");
    await page.getByRole("heading", { level: 1, name: "Les Jardins Partagés de Belleville" }).waitFor();

    // Se déconnecter : retour à la connexion, et l'association n'est plus accessible.
    await nav.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await expectNoAxeViolations(page, "page de connexion après déconnexion");
    await page.goto(server.url + "/a/jardins-belleville");
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    const state = await page.request.get(server.url + "/api/v1/session");
    expect((await state.json()).user).toBeNull();
  });
});
