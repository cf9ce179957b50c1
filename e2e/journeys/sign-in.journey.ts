import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { expectFitsWidth, expectNoAxeViolations, newPhoneContext, openBrowser, type BrowserSession } from "../support/browser.js";
import { createMember, PASSWORD, setUpInstance, signInContext, type Instance } from "../support/data.js";
import { startInboxServer, type InboxServer } from "../support/smtp.js";
import { startServer, type RunningServer } from "../support/server.js";
import { withInstance } from "../support/fixture.js";

/** On the sign-in page: types the address and asks for a link; the page confirms that it is sent. */
async function askForSignInLink(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(baseUrl + "/sign-in");
  await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
  await expectNoAxeViolations(page, "page de connexion");
  await page.getByLabel("Adresse e-mail", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await page.waitForURL("**/sign-in/sent");
  await page.getByRole("heading", { level: 1, name: "Consultez votre boîte mail" }).waitFor();
  await expectNoAxeViolations(page, "lien de connexion envoyé");
}

/** Opens the e-mailed link: the page uses it once, then lands in the member's only association. */
async function openSignInLink(page: Page, link: string, instance: Instance): Promise<void> {
  expect(new URL(link).pathname).toBe("/sign-in/link");
  await page.goto(link);
  await page.waitForURL((url) => url.pathname === `/a/${instance.association.slug}`);
  await page.getByRole("heading", { level: 1, name: instance.association.name }).waitFor();
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("button", { name: "Se déconnecter" }).waitFor();
  await expectNoAxeViolations(page, "accueil après connexion par lien");
}

describe("Connexion", () => {
  describe("sans serveur d'envoi (la boîte d'envoi de l'instance)", () => {
    const fixture = withInstance();

    test("par mot de passe : un mot de passe erroné donne un message clair, puis le bon connecte", async () => {
      const { server, session, instance } = fixture;
      const { page } = session;
      await page.goto(server.url + "/");
      await page.waitForURL("**/sign-in");
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      await expectNoAxeViolations(page, "page de connexion");
      await expectFitsWidth(page, "page de connexion");

      // Sans mot de passe : le champ le dit.
      await page.getByLabel("Adresse e-mail", { exact: true }).fill(instance.adminEmail);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByText("Saisissez votre mot de passe, ou recevez plutôt un lien de connexion.").waitFor();
      await expectNoAxeViolations(page, "page de connexion, mot de passe manquant");

      // Un mot de passe erroné : un message lisible, sans dire lequel des deux est faux.
      await page.getByLabel("Mot de passe", { exact: true }).fill("Pas-le-bon-2025!");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      await expectNoAxeViolations(page, "page de connexion, mot de passe erroné");

      await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL((url) => url.pathname === `/a/${instance.association.slug}`);
      await page.getByRole("heading", { level: 1, name: instance.association.name }).waitFor();
      await expectNoAxeViolations(page, "accueil après connexion par mot de passe");
    });

    test("par lien reçu par e-mail, lu dans la boîte d'envoi par l'administrateur de l'instance", async () => {
      const { server, session, instance } = fixture;
      const member = await createMember(server.url, instance.admin, instance.association.id, {
        email: "jeanne.martin@exemple.fr",
        displayName: "Jeanne Martin",
      });

      // Jeanne, sur son téléphone, demande un lien.
      const jeanne = await newPhoneContext(session.browser);
      const jeannePage = await jeanne.newPage();
      await askForSignInLink(jeannePage, server.url, member.email);

      // Mehdi, administrateur de l'instance, lit le message dans la boîte d'envoi.
      const mehdi = await newPhoneContext(session.browser);
      await signInContext(mehdi, server.url, instance.adminEmail);
      const mehdiPage = await mehdi.newPage();
      await mehdiPage.goto(server.url + "/admin");
      await mehdiPage.getByRole("heading", { level: 1, name: "Administration de l'instance" }).waitFor();
      await expectNoAxeViolations(mehdiPage, "administration de l'instance");
      await mehdiPage
        .getByRole("navigation", { name: "Sections de l'administration de l'instance" })
        .getByRole("link", { name: "Messages envoyés" })
        .click();
      await mehdiPage.waitForURL("**/admin/outbox");
      await mehdiPage.getByRole("heading", { level: 2, name: "Messages envoyés" }).waitFor();
      const card = mehdiPage.getByRole("listitem").filter({ hasText: `À : ${member.email}` });
      const read = card.getByRole("button", { name: "Lire Votre lien de connexion à Trame" });
      await read.waitFor();
      await expectNoAxeViolations(mehdiPage, "boîte d'envoi");
      await expectFitsWidth(mehdiPage, "boîte d'envoi");

      await read.click();
      const dialog = mehdiPage.getByRole("dialog", { name: "Votre lien de connexion à Trame" });
      const link = dialog.getByRole("link").filter({ hasText: "/sign-in/link?token=" });
      await link.waitFor();
      await expectNoAxeViolations(mehdiPage, "message ouvert dans la boîte d'envoi");
      const href = await link.getAttribute("href");
      expect(href).toBeTruthy();
      await dialog.getByRole("button", { name: "Fermer" }).click();
      await dialog.waitFor({ state: "hidden" });

      // Jeanne ouvre le lien qu'on lui a transmis : la voilà connectée.
      await openSignInLink(jeannePage, href!, instance);
      // Le lien ne sert qu'une fois.
      const reused = await jeanne.newPage();
      await jeanne.clearCookies();
      await reused.goto(href!);
      await reused.getByRole("heading", { level: 1, name: "Connexion par lien" }).waitFor();
      await reused.getByRole("alert").filter({ hasText: "Ce lien n'est plus valable" }).waitFor();
      await expectNoAxeViolations(reused, "lien de connexion déjà utilisé");

      await jeanne.close();
      await mehdi.close();
    });
  });

  describe("avec un vrai serveur SMTP", () => {
    let inbox: InboxServer;
    let server: RunningServer;
    let session: BrowserSession;
    let instance: Instance;

    beforeAll(async () => {
      inbox = await startInboxServer();
      server = await startServer({ SMTP_URL: inbox.url, JOBS_ENABLED: "true" });
      session = await openBrowser();
      instance = await setUpInstance(server.url);
    });
    afterAll(async () => {
      await session?.close();
      await server?.stop();
      await inbox?.close();
    });

    test("par lien reçu dans une vraie boîte mail", async () => {
      const member = await createMember(server.url, instance.admin, instance.association.id, {
        email: "louis.le-gall@exemple.fr",
        displayName: "Louis Le Gall",
      });
      await askForSignInLink(session.page, server.url, member.email);
      const link = await inbox.waitForLink(member.email, "/sign-in/link?token=");
      await openSignInLink(session.page, link, instance);
      const state = await session.page.request.get(server.url + "/api/v1/session");
      expect((await state.json()).user?.email).toBe(member.email);
    });
  });
});
