import { describe, expect, test } from "vitest";
import { expectFitsWidth, expectNoAxeViolations, newPhoneContext } from "../support/browser.js";
import { createMember, linkFromOutbox, PASSWORD, signInContext } from "../support/data.js";
import { withInstance } from "../support/fixture.js";

describe("Invitation dans une sphère", () => {
  const fixture = withInstance();

  test("un administrateur invite une adresse ; la personne accepte, crée son compte et arrive dans la sphère", async () => {
    const { server, session, instance } = fixture;
    const { association } = instance;
    const sphere = await instance.admin.post<{ id: string; name: string }>(`/api/v1/associations/${association.id}/spheres`, {
      name: "Potager du mercredi",
      description: "Les semis, l'arrosage et la récolte du mercredi après-midi.",
      visibility: "private",
    });
    const sphereUrl = `${server.url}/a/${association.slug}/spheres/${sphere.id}`;
    const inviteeEmail = "camille.dubois@exemple.fr";

    // Mehdi, administrateur, invite depuis la page de la sphère.
    const admin = session.context;
    await signInContext(admin, server.url, instance.adminEmail);
    const adminPage = session.page;
    await adminPage.goto(sphereUrl);
    await adminPage.getByRole("heading", { level: 1, name: "Potager du mercredi" }).waitFor();
    const inviteSection = adminPage.getByRole("region", { name: "Inviter dans la sphère" });
    await inviteSection.getByRole("tab", { name: "Par e-mail" }).waitFor();
    await expectNoAxeViolations(adminPage, "page de la sphère (animation)");
    await expectFitsWidth(adminPage, "page de la sphère (animation)");

    // Sans adresse : le champ le dit.
    await inviteSection.getByRole("button", { name: "Inviter", exact: true }).click();
    await inviteSection.getByText("Saisissez au moins une adresse e-mail.").waitFor();
    await expectNoAxeViolations(adminPage, "invitation sans adresse");

    await inviteSection.getByLabel("Adresses e-mail des personnes à inviter", { exact: true }).fill(inviteeEmail);
    await inviteSection.getByLabel("Message personnel").fill("Bienvenue au potager, Camille !");
    await inviteSection.getByRole("button", { name: "Inviter", exact: true }).click();
    await inviteSection.getByRole("status").filter({ hasText: "1 invitation envoyée." }).waitFor();
    await expectNoAxeViolations(adminPage, "invitation envoyée");

    // L'e-mail d'invitation (lu dans la boîte d'envoi de l'instance) porte le lien.
    const link = await linkFromOutbox(instance.admin, inviteeEmail, "/invitations/");

    // Camille ouvre le lien sur son téléphone, sans compte.
    const camille = await newPhoneContext(session.browser);
    const page = await camille.newPage();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Invitation" }).waitFor();
    await page
      .getByText(`Mehdi Benali vous invite à rejoindre la sphère « Potager du mercredi » de l'association ${association.name}.`)
      .waitFor();
    await page.getByText(`Cette invitation a été envoyée à ${inviteeEmail}.`).waitFor();
    await expectNoAxeViolations(page, "page d'invitation");
    await expectFitsWidth(page, "page d'invitation");

    // Accepter sans nom ni mot de passe : les champs le disent.
    await page.getByRole("button", { name: "Accepter l'invitation" }).click();
    await page.getByRole("alert").filter({ hasText: "Certains champs sont à corriger" }).waitFor();
    await page.getByText("Ce champ est obligatoire.").waitFor();
    await expectNoAxeViolations(page, "page d'invitation avec erreurs");

    await page.getByLabel("Nom affiché", { exact: true }).fill("Camille Dubois");
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Accepter l'invitation" }).click();

    // La voici dans la sphère, membre.
    await page.waitForURL((url) => url.pathname === `/a/${association.slug}/spheres/${sphere.id}`);
    await page.getByRole("heading", { level: 1, name: "Potager du mercredi" }).waitFor();
    await page.getByText("Votre rôle dans cette sphère : Membre.").waitFor();
    await expectNoAxeViolations(page, "sphère après acceptation");
    const state = await page.request.get(server.url + "/api/v1/session");
    expect((await state.json()).user).toMatchObject({ email: inviteeEmail, displayName: "Camille Dubois" });

    // Le lien ne sert qu'une fois.
    const other = await newPhoneContext(session.browser);
    const otherPage = await other.newPage();
    await otherPage.goto(link);
    await otherPage.getByText("Cette invitation n'est plus valable").waitFor();
    await expectNoAxeViolations(otherPage, "invitation déjà utilisée");

    // Mehdi voit Camille parmi les membres de la sphère.
    await adminPage.reload();
    const members = adminPage.getByRole("region", { name: "Membres" });
    await members.getByRole("listitem").filter({ hasText: "Camille Dubois" }).getByText("Membre", { exact: true }).waitFor();
    await expectNoAxeViolations(adminPage, "membres de la sphère après acceptation");

    await other.close();
    await camille.close();
  });

  test("un lien d'invitation accepté sans être connecté : la suite passe par l'e-mail, que l'adresse ait un compte ou non", async () => {
    const { server, session, instance } = fixture;
    const { association } = instance;
    // Inès a déjà un compte, dans l'association ; elle reçoit, sans être connectée, le lien d'invitation d'une sphère.
    const ines = await createMember(server.url, instance.admin, association.id, { email: "ines.moreau@exemple.fr", displayName: "Inès Moreau" });
    const sphere = await instance.admin.post<{ id: string }>(`/api/v1/associations/${association.id}/spheres`, {
      name: "Atelier vélo",
      description: "Réparer ensemble, le samedi matin.",
      visibility: "private",
    });
    const link = await instance.admin.post<{ url: string }>(`/api/v1/associations/${association.id}/invitations/links`, { sphereId: sphere.id });

    const phone = await newPhoneContext(session.browser);
    const page = await phone.newPage();
    await page.goto(link.url);
    await page.getByRole("heading", { level: 1, name: "Invitation" }).waitFor();
    await page.getByLabel("Adresse e-mail", { exact: true }).fill(ines.email);
    await page.getByLabel("Nom affiché", { exact: true }).fill("Inès M.");
    await page.getByLabel("Mot de passe", { exact: true }).fill("Un-Autre-Essai-2025!");
    await page.getByRole("button", { name: "Accepter l'invitation" }).click();
    // La même réponse qu'une adresse sans compte : consulter sa boîte mail.
    await page.getByText(`Consultez votre boîte mail : un lien vient d'être envoyé à ${ines.email}.`).waitFor();
    await expectNoAxeViolations(page, "invitation : lien envoyé");
    await expectFitsWidth(page, "invitation : lien envoyé");

    // Le lien reçu la connecte à son compte (sans changer ni son nom ni son mot de passe) et termine l'invitation.
    const confirmation = await linkFromOutbox(instance.admin, ines.email, "/invitations/confirm");
    await page.goto(confirmation);
    await page.waitForURL((url) => url.pathname === `/a/${association.slug}/spheres/${sphere.id}`);
    await page.getByRole("heading", { level: 1, name: "Atelier vélo" }).waitFor();
    await page.getByText("Votre rôle dans cette sphère : Membre.").waitFor();
    const state = await page.request.get(server.url + "/api/v1/session");
    expect((await state.json()).user).toMatchObject({ email: ines.email, displayName: "Inès Moreau" });
    await expectNoAxeViolations(page, "sphère après le lien d'invitation");
    await phone.close();
  });
});
