import { describe, expect, test } from "vitest";
import { expectFitsWidth, expectNoAxeViolations, newPhoneContext } from "../support/browser.js";
import { createMember, signInContext } from "../support/data.js";
import { withInstance } from "../support/fixture.js";

describe("Demande pour rejoindre une sphère privée", () => {
  const fixture = withInstance();

  test("un membre demande avec un message ; l'animatrice accepte ; la page ouverte du membre le montre aussitôt", async () => {
    const { server, session, instance } = fixture;
    const { association } = instance;
    // Sophie anime la sphère (nommée par l'administrateur) ; Thomas est membre de l'association.
    const sophie = await createMember(server.url, instance.admin, association.id, { email: "sophie.bernard@exemple.fr", displayName: "Sophie Bernard" });
    const thomas = await createMember(server.url, instance.admin, association.id, { email: "thomas.petit@exemple.fr", displayName: "Thomas Petit" });
    const sphere = await instance.admin.post<{ id: string }>(`/api/v1/associations/${association.id}/spheres`, {
      name: "Conseil d'administration",
      description: "Les décisions du bureau et du conseil.",
      visibility: "private",
    });
    const base = `/api/v1/associations/${association.id}/spheres/${sphere.id}`;
    await instance.admin.post(`${base}/members`, { userId: sophie.id, role: "manager" });
    const sphereUrl = `${server.url}/a/${association.slug}/spheres/${sphere.id}`;

    // Thomas trouve la sphère privée dans l'annuaire et l'ouvre.
    const thomasContext = session.context;
    await signInContext(thomasContext, server.url, thomas.email);
    const thomasPage = session.page;
    await thomasPage.goto(`${server.url}/a/${association.slug}`);
    const directory = thomasPage.getByRole("region", { name: "Annuaire des sphères" });
    const listed = directory.getByRole("link", { name: "Conseil d'administration" });
    await listed.waitFor();
    await expectNoAxeViolations(thomasPage, "accueil de l'association (membre)");
    await listed.click();
    await thomasPage.waitForURL((url) => url.pathname === `/a/${association.slug}/spheres/${sphere.id}`);
    await thomasPage.getByRole("heading", { level: 1, name: "Conseil d'administration" }).waitFor();
    const requestButton = thomasPage.getByRole("button", { name: "Demander à rejoindre" });
    await requestButton.waitFor();
    expect(await thomasPage.getByRole("button", { name: "Rejoindre", exact: true }).count()).toBe(0);
    await expectNoAxeViolations(thomasPage, "sphère privée (non membre)");
    await expectFitsWidth(thomasPage, "sphère privée (non membre)");

    await thomasPage.getByLabel("Message pour l'animation").fill("Bonjour, je suis trésorier adjoint depuis septembre.");
    await requestButton.click();
    await thomasPage.getByText("Votre demande pour rejoindre cette sphère est en attente de réponse.").waitFor();
    await thomasPage.getByRole("status").filter({ hasText: "Votre demande pour rejoindre « Conseil d'administration » est envoyée." }).waitFor();
    await expectNoAxeViolations(thomasPage, "sphère privée, demande en attente");

    // Sophie, l'animatrice, voit la demande et son message, et l'accepte.
    const sophieContext = await newPhoneContext(session.browser);
    await signInContext(sophieContext, server.url, sophie.email);
    const sophiePage = await sophieContext.newPage();
    await sophiePage.goto(sphereUrl);
    await sophiePage.getByRole("heading", { level: 1, name: "Conseil d'administration" }).waitFor();
    const requests = sophiePage.getByRole("region", { name: "Demandes pour rejoindre" });
    const request = requests.getByRole("listitem").filter({ hasText: "Thomas Petit" });
    await request.getByText("Bonjour, je suis trésorier adjoint depuis septembre.").waitFor();
    await expectNoAxeViolations(sophiePage, "sphère (animatrice), demande reçue");
    await expectFitsWidth(sophiePage, "sphère (animatrice), demande reçue");
    await request.getByRole("button", { name: "Approuver" }).click();
    await sophiePage.getByRole("status").filter({ hasText: "La demande de Thomas Petit est acceptée." }).waitFor();
    await requests.getByText("Aucune demande en attente.").waitFor();
    const members = sophiePage.getByRole("region", { name: "Membres" });
    await members.getByRole("listitem").filter({ hasText: "Thomas Petit" }).getByText("Membre", { exact: true }).waitFor();
    await expectNoAxeViolations(sophiePage, "sphère (animatrice), demande acceptée");

    // La page de Thomas, restée ouverte, change d'elle-même (poussé par le WebSocket), sans rechargement.
    const role = thomasPage.getByText("Votre rôle dans cette sphère : Membre.");
    let updatedLive = true;
    try {
      await role.waitFor({ timeout: 15_000 });
    } catch {
      updatedLive = false;
    }
    expect.soft(updatedLive, "la page ouverte du membre ne reflète pas l'acceptation sans rechargement (temps réel)").toBe(true);
    if (updatedLive) {
      await thomasPage.getByRole("status").filter({ hasText: "Votre demande pour rejoindre « Conseil d'administration » a été acceptée." }).waitFor();
      await expectNoAxeViolations(thomasPage, "sphère après acceptation (temps réel)");
    }

    // Après rechargement aussi, Thomas est membre : la demande est bien acceptée.
    await thomasPage.reload();
    await thomasPage.getByRole("heading", { level: 1, name: "Conseil d'administration" }).waitFor();
    await role.waitFor();
    expect(await thomasPage.getByRole("button", { name: "Demander à rejoindre" }).count()).toBe(0);
    await thomasPage.getByRole("button", { name: "Quitter la sphère" }).waitFor();
    await expectNoAxeViolations(thomasPage, "sphère après acceptation");

    await sophieContext.close();
  });
});
