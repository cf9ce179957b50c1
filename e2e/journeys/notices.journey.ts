import { describe, expect, test } from "vitest";
import { expectFitsWidth, expectNoAxeViolations, newPhoneContext } from "../support/browser.js";
import { createMember, firstLink, signInContext } from "../support/data.js";
import { withInstance } from "../support/fixture.js";

interface OutboxSummary {
  id: string;
  to: string;
  subject: string;
}

describe("Des demandes qui se voient, une administration qui raconte", () => {
  const fixture = withInstance();

  test("une demande pour rejoindre : un compteur et un e-mail pour l'animatrice, la décision pour le demandeur, le journal qui nomme", async () => {
    const { server, session, instance } = fixture;
    const { association, admin } = instance;
    const sophie = await createMember(server.url, admin, association.id, { email: "sophie.bernard@exemple.fr", displayName: "Sophie Bernard" });
    const thomas = await createMember(server.url, admin, association.id, { email: "thomas.petit@exemple.fr", displayName: "Thomas Petit" });
    const sphere = await admin.post<{ id: string }>(`/api/v1/associations/${association.id}/spheres`, {
      name: "Maraude Paris 18e",
      description: "Les tournées du mardi soir.",
      visibility: "private",
    });
    const base = `/api/v1/associations/${association.id}/spheres/${sphere.id}`;
    await admin.post(`${base}/members`, { userId: sophie.id, role: "manager" });
    const outboxTo = async (to: string) =>
      (await admin.get<{ items: OutboxSummary[] }>("/api/v1/admin/outbox?limit=100")).items.filter((m) => m.to === to);

    // Sophie, l'animatrice, a l'accueil de l'association ouvert sur son téléphone : rien n'attend.
    const sophieContext = await newPhoneContext(session.browser);
    await signInContext(sophieContext, server.url, sophie.email);
    const sophiePage = await sophieContext.newPage();
    await sophiePage.goto(`${server.url}/a/${association.slug}`);
    const mine = sophiePage.getByRole("region", { name: "Mes sphères" });
    const sphereCard = mine.getByRole("listitem").filter({ hasText: "Maraude Paris 18e" });
    await sphereCard.waitFor();
    expect(await sphereCard.getByText("1 demande").count()).toBe(0);

    // Thomas demande à rejoindre la sphère privée.
    await signInContext(session.context, server.url, thomas.email);
    const thomasPage = session.page;
    await thomasPage.goto(`${server.url}/a/${association.slug}/spheres/${sphere.id}`);
    await thomasPage.getByLabel("Message pour l'animation").fill("Je peux aider le mardi.");
    await thomasPage.getByRole("button", { name: "Demander à rejoindre" }).click();
    await thomasPage.getByText("Votre demande pour rejoindre cette sphère est en attente de réponse.").waitFor();

    // Le compteur apparaît chez Sophie sans rechargement (sa propre salle WebSocket), et l'e-mail est dans la boîte d'envoi.
    await sphereCard.getByText("1 demande").waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(sophiePage, "accueil (animatrice), une demande en attente");
    await expectFitsWidth(sophiePage, "accueil (animatrice), une demande en attente");
    const [mail] = await outboxTo(sophie.email);
    expect(mail?.subject).toBe("Demande pour rejoindre « Maraude Paris 18e »");
    const message = await admin.get<{ text: string }>(`/api/v1/admin/outbox/${mail!.id}`);
    expect(message.text).toContain("Thomas Petit demande à rejoindre la sphère « Maraude Paris 18e ».");
    expect(message.text).not.toContain("Je peux aider le mardi.");

    // L'administrateur voit le compte sur « Administration ».
    const adminContext = await newPhoneContext(session.browser);
    await signInContext(adminContext, server.url, instance.adminEmail);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${server.url}/a/${association.slug}`);
    await adminPage.getByRole("link", { name: "Administration (1 demande en attente)" }).waitFor();

    // Sophie suit le lien de l'e-mail et accepte.
    await sophiePage.goto(firstLink(message.text, `/spheres/${sphere.id}`)!);
    const requests = sophiePage.getByRole("region", { name: "Demandes pour rejoindre" });
    await requests.getByRole("listitem").filter({ hasText: "Thomas Petit" }).getByRole("button", { name: "Approuver" }).click();
    await requests.getByText("Aucune demande en attente.").waitFor();

    // Thomas voit la décision dans « Mes demandes » et reçoit un e-mail ; le compteur de l'administrateur retombe.
    await thomasPage.goto(`${server.url}/a/${association.slug}`);
    const myRequests = thomasPage.getByRole("region", { name: "Mes demandes" });
    const decided = myRequests.getByRole("listitem").filter({ hasText: "Rejoindre la sphère « Maraude Paris 18e »" });
    await decided.getByText("Acceptée").waitFor();
    await expectNoAxeViolations(thomasPage, "accueil (membre), décision visible");
    await expectFitsWidth(thomasPage, "accueil (membre), décision visible");
    expect((await outboxTo(thomas.email)).map((m) => m.subject)).toContain("Vous avez rejoint « Maraude Paris 18e »");
    await adminPage.getByRole("link", { name: "Administration", exact: true }).waitFor({ timeout: 15_000 });

    // Sophie nomme Thomas modérateur ; le journal le dit avec les deux noms, la sphère et l'ancien → le nouveau rôle.
    await sophie.api.patch(`${base}/members/${thomas.id}`, { role: "moderator" });
    await adminPage.goto(`${server.url}/a/${association.slug}/admin/audit`);
    const entry = adminPage.getByRole("listitem").filter({ hasText: "Sophie Bernard a nommé Thomas Petit modérateur·rice de « Maraude Paris 18e »" });
    await entry.getByText("Membre → Modérateur·rice").waitFor();
    await expectNoAxeViolations(adminPage, "journal des actions");
    await expectFitsWidth(adminPage, "journal des actions");

    // Filtrer sur cette personne et cette action ne garde que cette ligne ; l'export CSV suit les filtres.
    await entry.getByRole("button", { name: "Voir les actions de Sophie Bernard" }).click();
    await adminPage.getByText("Actions de Sophie Bernard seulement.").waitFor();
    await adminPage.getByLabel("Action").selectOption("sphereMember.roleChanged");
    await expect.poll(async () => adminPage.locator(".audit-entry").count()).toBe(1);
    const csvHref = await adminPage.getByRole("link", { name: "Exporter ces actions (CSV)" }).getAttribute("href");
    expect(csvHref).toContain("action=sphereMember.roleChanged");
    const csv = await adminContext.request.get(`${server.url}${csvHref}`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const csvText = (await csv.body()).toString("utf8");
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain(";Sophie Bernard;Rôle dans une sphère modifié;Thomas Petit;Maraude Paris 18e;Membre;Modérateur·rice;");
    await expectNoAxeViolations(adminPage, "journal des actions filtré");

    // La liste des membres tient en lignes compactes, filtrable par rôle.
    await adminPage.goto(`${server.url}/a/${association.slug}/admin/members`);
    await adminPage.getByLabel("Rôle").selectOption("owner");
    await adminPage.locator(".member-compact").filter({ hasText: "Mehdi Benali" }).waitFor();
    await expect.poll(async () => adminPage.locator(".member-compact").count()).toBe(1);
    await expectNoAxeViolations(adminPage, "membres filtrés par rôle");
    await expectFitsWidth(adminPage, "membres filtrés par rôle");

    await sophieContext.close();
    await adminContext.close();
  });
});
