import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../test/test-app.js";
import { addToSphere, createAssociation, createMember, createSphere, createUser, type TestAssociation } from "../../test/factories.js";
import { findLastMailTo, issueEmailLink, tokenOfMail } from "../accounts/accounts.test-helpers.js";
import { outboxMessages } from "../../platform/mail/mail.tables.js";

const NIL = "00000000-0000-4000-8000-000000000000";
const PASSWORD = "Une-phrase-de-passe-2024!";

/** The invitation token of the link in a mail, read from the outbox as an administrator would. */
async function invitationTokenSentTo(t: TestApp, email: string): Promise<string> {
  const mail = await findLastMailTo(t.ctx, email);
  const match = /\/invitations\/([A-Za-z0-9_%-]+)/.exec(mail?.text ?? "");
  if (!match?.[1]) throw new Error(`no invitation link for ${email}`);
  return decodeURIComponent(match[1]);
}

describe("invitations", () => {
  let t: TestApp;
  let asso: TestAssociation;
  let admin: TestClient;
  const url = () => `/api/v1/associations/${asso.id}/invitations`;

  beforeAll(async () => {
    // Many invitations from one address in this file: the per-IP limit is tested on its own below. Errors are
    // logged: the concurrent accepts below must never end in a 500, and if one does, its cause is printed.
    t = await createTestApp({ AUTH_RATE_LIMIT: "1000", LOG_LEVEL: "error" });
    asso = await createAssociation(t.ctx, { name: "Les Jardins Partagés" });
    admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin", { displayName: "Élise Admin" })).id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("invites a pasted list by e-mail (401 → 400 → 403 → 200), skipping invalid, duplicate and existing members", async () => {
    const existing = await createMember(t.ctx, asso.id, "member", { email: "deja@example.fr" });
    expect((await t.client().post(`${url()}/emails`, { emails: "a@example.fr" })).status).toBe(401);
    expect((await admin.post(`${url()}/emails`, { emails: "a@example.fr", associationRole: "owner" })).status).toBe(400);
    const member = await t.client().signInAs(existing.id);
    expect((await member.post(`${url()}/emails`, { emails: "a@example.fr" })).status).toBe(403);

    const res = await admin.post(`${url()}/emails`, {
      emails: "anne@example.fr, Bruno@Example.fr;\nnot-an-address\nanne@example.fr DEJA@example.fr",
      message: "Bienvenue au jardin !",
    });
    expect(res.status).toBe(200);
    expect(res.body.invited).toEqual(["anne@example.fr", "Bruno@Example.fr"]);
    expect(res.body.skipped).toEqual([
      { value: "not-an-address", reason: "invalid" },
      { value: "anne@example.fr", reason: "duplicate" },
      { value: "DEJA@example.fr", reason: "alreadyMember" },
    ]);
    const mail = await findLastMailTo(t.ctx, "anne@example.fr");
    expect(mail).toMatchObject({ subject: "Invitation à rejoindre Les Jardins Partagés", status: "queued" });
    expect(mail!.text).toContain("Élise Admin vous invite");
    expect(mail!.text).toContain("Bienvenue au jardin !");
    expect(mail!.text).toContain(`${t.ctx.config.publicUrl}/invitations/`);
    expect(mail!.html).toContain("Accepter l’invitation");

    const list = await admin.get(url());
    expect(list.body.items.slice(0, 2).map((i: { email: string }) => i.email).sort()).toEqual(["Bruno@Example.fr", "anne@example.fr"]);
    expect(list.body.items[0]).toMatchObject({ kind: "email", maxUses: 1, useCount: 0, revoked: false, invitedByName: "Élise Admin" });
  });

  it("puts the personal message, and the names people choose, into the mail as plain text no mail client turns into a link", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { name: "Voir www.sphere-piege.example" });
    const trickster = await createMember(t.ctx, asso.id, "admin", { displayName: "Support https://nom-piege.example" });
    const inviter = await t.client().signInAs(trickster.id);
    const message = [
      "Connectez-vous vite sur https://faux-trame.example/connexion?retour=1 ou http://192.168.0.1/admin,",
      "sinon sur www.faux-trame.example, faux-trame.example/aide ou faux。trame．example,",
      'écrivez à pirate@faux-trame.example. <a href="https://faux-trame.example">Ici</a> & <b>gras</b>',
      "Version 2.0, à 14 h 30, merci !",
    ].join("\n");
    const res = await inviter.post(`${url()}/emails`, { emails: "lien@example.fr", sphereId: sphere.id, sphereRole: "member", message });
    expect(res.status).toBe(200);
    const mail = (await findLastMailTo(t.ctx, "lien@example.fr"))!;
    const accept = `${t.ctx.config.publicUrl}/invitations/`;

    for (const part of [mail.text, mail.html]) {
      // The only address in the mail is the instance's own link to accept.
      const withoutAccept = part.split(accept).join("");
      expect(withoutAccept).not.toMatch(/[a-z][a-z0-9+.-]*:\/\//i);
      expect(withoutAccept).not.toMatch(/www\./i);
      expect(withoutAccept).not.toMatch(/[\p{L}\p{N}-][.。．｡][\p{L}\p{N}-]*[\p{L}]{2}/u);
      expect(withoutAccept).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
      // Still readable: the addresses are there, defused.
      expect(part).toContain("faux-trame[.]example/connexion?retour=1");
      expect(part).toContain("www[.]faux-trame[.]example");
      expect(part).toContain("pirate@faux-trame[.]example");
      expect(part).toContain("faux[.]trame[.]example");
      expect(part).toContain("Version 2.0, à 14 h 30, merci !");
      expect(part).toContain("Support nom-piege[.]example vous invite");
      expect(part).toContain("Voir www[.]sphere-piege[.]example");
    }
    // The HTML part shows the markup as text and holds a single link: the button to accept.
    expect(mail.html).toContain("&lt;a href=&quot;faux-trame[.]example&quot;&gt;Ici&lt;/a&gt; &amp; &lt;b&gt;gras&lt;/b&gt;");
    expect(mail.html.match(/<a\b/g)).toHaveLength(1);
    expect(mail.html.match(/href="/g)).toHaveLength(1);
  });

  it("writes the mail in the association's language", async () => {
    const english = await createAssociation(t.ctx, { name: "Green Gardens", language: "en" });
    const owner = await t.client().signInAs(english.ownerId);
    await owner.post(`/api/v1/associations/${english.id}/invitations/emails`, { emails: "en@example.org" });
    const mail = await findLastMailTo(t.ctx, "en@example.org");
    expect(mail?.subject).toBe("Invitation to join Green Gardens");
    expect(mail?.text).toContain("Accept the invitation");
  });

  it("by e-mail → preview signed out → accept creates the account, signs in and lands in the sphere", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { name: "Potager secret", visibility: "secret" });
    const sent = await admin.post(`${url()}/emails`, { emails: "chloe@example.fr", sphereId: sphere.id, sphereRole: "member" });
    expect(sent.body.invited).toEqual(["chloe@example.fr"]);
    const token = await invitationTokenSentTo(t, "chloe@example.fr");

    const visitor = t.client();
    const preview = await visitor.get(`/api/v1/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      associationName: "Les Jardins Partagés",
      associationSlug: asso.slug,
      sphereName: "Potager secret",
      invitedByName: "Élise Admin",
      kind: "email",
      email: "chloe@example.fr",
      needsAccount: true,
    });
    expect((await visitor.post(`/api/v1/invitations/${token}/accept`, {})).body.error.fields[0].path).toBe("displayName");
    expect((await visitor.post(`/api/v1/invitations/${token}/accept`, { displayName: "Chloé", password: "court" })).body.error.code).toBe(
      "WEAK_PASSWORD",
    );
    const accepted = await visitor.post(`/api/v1/invitations/${token}/accept`, { displayName: "Chloé Vert", password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ outcome: "joined", associationId: asso.id, associationSlug: asso.slug, sphereId: sphere.id });

    // Signed in now: the secret sphere is theirs.
    const landed = await visitor.get(`/api/v1/associations/${asso.id}/spheres/${sphere.id}`);
    expect(landed.body).toMatchObject({ myRole: "member", memberCount: 2 });
    expect((await visitor.get(`/api/v1/associations/${asso.id}`)).body.myRole).toBe("member");
    // An e-mail invitation is used once.
    expect((await t.client().get(`/api/v1/invitations/${token}`)).body.error.code).toBe("TOKEN_INVALID");
    expect((await admin.get(url())).body.items.find((i: { email: string }) => i.email === "chloe@example.fr").useCount).toBe(1);
  });

  it("by e-mail can only be accepted by the invited address", async () => {
    await admin.post(`${url()}/emails`, { emails: "denis@example.fr", associationRole: "guest" });
    const token = await invitationTokenSentTo(t, "denis@example.fr");
    const someoneElse = await t.client().signInAs((await createUser(t.ctx, { email: "autre@example.fr" })).id);
    const wrong = await someoneElse.post(`/api/v1/invitations/${token}/accept`, {});
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toContain("denis@example.fr");

    // The invited person already has an account: signed out, they are asked to sign in; signed in, it works.
    const denis = await createUser(t.ctx, { email: "Denis@Example.fr" });
    const signedOut = await t.client().post(`/api/v1/invitations/${token}/accept`, { displayName: "Denis" });
    expect(signedOut.status).toBe(401);
    const client = await t.client().signInAs(denis.id);
    expect((await client.get(`/api/v1/invitations/${token}`)).body.needsAccount).toBe(false);
    const ok = await client.post(`/api/v1/invitations/${token}/accept`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.sphereId).toBeNull();
    expect((await client.get(`/api/v1/associations/${asso.id}`)).body.myRole).toBe("guest");
  });

  it("by link: a QR code, an account without password confirmed by mail, and a use limit no concurrency can exceed", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    expect((await admin.post(`${url()}/links`, { maxUses: 0 })).status).toBe(400);
    const link = await admin.post(`${url()}/links`, { sphereId: sphere.id, maxUses: 2, expiresInDays: 3 });
    expect(link.status).toBe(200);
    expect(link.body.url).toMatch(new RegExp(`^${t.ctx.config.publicUrl}/invitations/`));
    expect(link.body.qrSvg).toMatch(/^<svg[^>]*>/);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);

    const visitor = t.client();
    expect((await visitor.get(`/api/v1/invitations/${token}`)).body).toMatchObject({ kind: "link", email: null, needsAccount: true });
    expect((await visitor.post(`/api/v1/invitations/${token}/accept`, { displayName: "Sans adresse" })).body.error.fields[0].path).toBe("email");

    // Three people accept, each receives a link; they use them at once; the invitation allows two.
    for (const n of ["e1", "e2", "e3"]) {
      const accepted = await t.client().post(`/api/v1/invitations/${token}/accept`, { displayName: `Invité ${n}`, email: `${n}@example.fr` });
      expect(accepted.body).toEqual({ outcome: "emailSent" });
    }
    const links = await Promise.all(["e1", "e2", "e3"].map(async (n) => tokenOfMail((await findLastMailTo(t.ctx, `${n}@example.fr`))!.text)));
    const results = await Promise.all(links.map((confirmation) => t.client().post("/api/v1/invitations/confirm", { token: confirmation })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 400]);
    expect(results.find((r) => r.status === 400)!.body.error.code).toBe("TOKEN_INVALID");
    const members = await admin.get(`/api/v1/associations/${asso.id}/spheres/${sphere.id}`);
    expect(members.body.memberCount).toBe(3);
    // The refused one left no account behind.
    const { findUserByEmail } = await import("../accounts/accounts.public.js");
    const accounts = await Promise.all(["e1", "e2", "e3"].map((n) => findUserByEmail(t.ctx.db, `${n}@example.fr`)));
    expect(accounts.filter(Boolean)).toHaveLength(2);
    expect(accounts.find(Boolean)?.passwordHash).toBeNull();
  });

  describe("by link, signed out, with an address that has an account or not", () => {
    const acceptByLink = async (token: string, email: string) =>
      t.client().post(`/api/v1/invitations/${token}/accept`, { displayName: "Visiteur Anonyme", email, password: PASSWORD });

    it("answers exactly the same for an address with an account and one without: check your mailbox", async () => {
      const sphere = await createSphere(t.ctx, asso.id, { name: "Compost", visibility: "private" });
      const link = await admin.post(`${url()}/links`, { sphereId: sphere.id });
      const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);
      const existing = await createUser(t.ctx, { email: "a-un-compte@example.fr", language: "en", displayName: "Gaëlle Existing" });

      const forExisting = await acceptByLink(token, existing.email);
      const forNew = await acceptByLink(token, "sans-compte@example.fr");
      expect(forExisting.status).toBe(200);
      expect(forNew.status).toBe(forExisting.status);
      expect(forExisting.body).toEqual({ outcome: "emailSent" });
      expect(forNew.body).toEqual(forExisting.body);
      expect(forExisting.headers["set-cookie"]).toBeUndefined();
      expect(forNew.headers["set-cookie"]).toBeUndefined();
      // Invalid input is refused the same way too.
      const weakExisting = await t.client().post(`/api/v1/invitations/${token}/accept`, { displayName: "X", email: existing.email, password: "court" });
      const weakNew = await t.client().post(`/api/v1/invitations/${token}/accept`, { displayName: "X", email: "autre-sans@example.fr", password: "court" });
      expect(weakNew.status).toBe(weakExisting.status);
      expect(weakNew.body).toEqual(weakExisting.body);

      // The mails differ, in the right language: the owner's own account is signed into, the newcomer's address confirmed.
      const toExisting = await findLastMailTo(t.ctx, existing.email);
      expect(toExisting!.subject).toBe("Join Les Jardins Partagés on Trame");
      expect(toExisting!.text).toContain("Hello Gaëlle Existing,");
      expect(toExisting!.text).toContain("You already have a Trame account");
      expect(toExisting!.text).toContain(`${t.ctx.config.publicUrl}/invitations/confirm?token=`);
      const toNew = await findLastMailTo(t.ctx, "sans-compte@example.fr");
      expect(toNew!.subject).toBe("Confirmez votre adresse pour rejoindre Les Jardins Partagés");
      expect(toNew!.text).toContain("la sphère « Compost »");
      // Nothing the visitor typed travels in mail the instance sends to an address they merely typed.
      expect(toNew!.text).not.toContain("Visiteur Anonyme");
    });

    it("sends the existing account a link that signs it in and completes the invitation; the name and password typed change nothing", async () => {
      const sphere = await createSphere(t.ctx, asso.id, { visibility: "secret" });
      const link = await admin.post(`${url()}/links`, { sphereId: sphere.id, sphereRole: "member", maxUses: 5 });
      const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);
      const owner = await createUser(t.ctx, { email: "Helene@Example.fr", displayName: "Hélène", password: "Son-Vrai-Mot-De-Passe-1" });
      const olderLink = await issueEmailLink(t.ctx, owner.id, "sign_in");

      expect((await acceptByLink(token, "helene@example.fr")).body).toEqual({ outcome: "emailSent" });
      const mail = await findLastMailTo(t.ctx, owner.email);
      expect(mail!.subject).toBe("Rejoindre Les Jardins Partagés sur Trame");
      expect(mail!.text).toContain("Bonjour Hélène,");
      const confirmation = tokenOfMail(mail!.text);

      const browser = t.client();
      const confirmed = await browser.post("/api/v1/invitations/confirm", { token: confirmation });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ outcome: "joined", associationId: asso.id, associationSlug: asso.slug, sphereId: sphere.id });
      const session = await browser.get("/api/v1/session");
      expect(session.body.user).toMatchObject({ id: owner.id, displayName: "Hélène" });
      expect((await browser.get(`/api/v1/associations/${asso.id}/spheres/${sphere.id}`)).body.myRole).toBe("member");
      // The typed password did not replace the account's; the link was a sign-in link: the account's others are spent.
      const signIn = t.client();
      await signIn.get("/api/v1/session");
      expect((await signIn.post("/api/v1/auth/sign-in", { email: owner.email, password: "Son-Vrai-Mot-De-Passe-1" })).status).toBe(200);
      expect((await t.client().post("/api/v1/auth/magic-link/consume", { token: olderLink })).body.error.code).toBe("TOKEN_INVALID");
      // Once only.
      expect((await t.client().post("/api/v1/invitations/confirm", { token: confirmation })).body.error.code).toBe("TOKEN_INVALID");
    });

    it("the link mailed for a new address creates the account with the name and password chosen, and signs it in", async () => {
      const link = await admin.post(`${url()}/links`, { associationRole: "guest" });
      const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);
      expect((await acceptByLink(token, "nouvelle@example.fr")).status).toBe(200);
      const browser = t.client();
      const confirmed = await browser.post("/api/v1/invitations/confirm", { token: tokenOfMail((await findLastMailTo(t.ctx, "nouvelle@example.fr"))!.text) });
      expect(confirmed.body).toEqual({ outcome: "joined", associationId: asso.id, associationSlug: asso.slug, sphereId: null });
      expect((await browser.get("/api/v1/session")).body.user).toMatchObject({ email: "nouvelle@example.fr", displayName: "Visiteur Anonyme", hasPassword: true });
      expect((await browser.get(`/api/v1/associations/${asso.id}`)).body.myRole).toBe("guest");
    });

    it("the existing account's invitation link dies with its other links (here, a password reset)", async () => {
      const link = await admin.post(`${url()}/links`, {});
      const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);
      const owner = await createUser(t.ctx, { email: "reset-avant@example.fr" });
      await acceptByLink(token, owner.email);
      const confirmation = tokenOfMail((await findLastMailTo(t.ctx, owner.email))!.text);
      const reset = await issueEmailLink(t.ctx, owner.id, "password_reset");
      expect((await t.client().post("/api/v1/auth/password-reset/complete", { token: reset, password: "Une-Phrase-Toute-Neuve-5!" })).status).toBe(200);
      const late = await t.client().post("/api/v1/invitations/confirm", { token: confirmation });
      expect(late.status).toBe(400);
      expect(late.body.error.code).toBe("TOKEN_INVALID");
    });

    it("sends one mail per invitation and address every 30 seconds, however often it is asked, with the same answer", async () => {
      const mailsTo = async (email: string) => (await t.ctx.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).length;
      const link = await admin.post(`${url()}/links`, {});
      const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);
      for (let i = 0; i < 3; i++) expect((await acceptByLink(token, "une-fois@example.fr")).body).toEqual({ outcome: "emailSent" });
      expect(await mailsTo("une-fois@example.fr")).toBe(1);
      // Requests for another invitation do not hold this one's mail back (nor the reverse).
      const other = await admin.post(`${url()}/links`, {});
      await acceptByLink(decodeURIComponent(other.body.url.split("/invitations/")[1]), "une-fois@example.fr");
      expect(await mailsTo("une-fois@example.fr")).toBe(2);
    });
  });

  it("by link: someone already in changes nothing and spends no use", async () => {
    const link = await admin.post(`${url()}/links`, { maxUses: 1 });
    const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);
    const existing = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
    expect((await existing.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(200);
    expect((await t.client().get(`/api/v1/invitations/${token}`)).status).toBe(200);
  });

  it("expired or revoked invitations are refused", async () => {
    const link = await admin.post(`${url()}/links`, {});
    const token = decodeURIComponent(link.body.url.split("/invitations/")[1]);
    await t.ctx.db.execute(sql`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = ${link.body.id}`);
    expect((await t.client().get(`/api/v1/invitations/${token}`)).body.error.code).toBe("TOKEN_INVALID");
    const late = await t.client().post(`/api/v1/invitations/${token}/accept`, { displayName: "Tard", email: "tard@example.fr" });
    expect(late.body.error.code).toBe("TOKEN_INVALID");

    const other = await admin.post(`${url()}/links`, {});
    const otherToken = decodeURIComponent(other.body.url.split("/invitations/")[1]);
    expect((await t.client().delete(`${url()}/${other.body.id}`)).status).toBe(401);
    expect((await admin.delete(`${url()}/${NIL}`)).status).toBe(404);
    expect((await admin.delete(`${url()}/${other.body.id}`)).status).toBe(200);
    expect((await t.client().get(`/api/v1/invitations/${otherToken}`)).body.error.code).toBe("TOKEN_INVALID");
    expect((await admin.get(url())).body.items.find((i: { id: string }) => i.id === other.body.id).revoked).toBe(true);
    const audit = await admin.get(`/api/v1/associations/${asso.id}/audit?limit=1`);
    expect(audit.body.items[0]).toMatchObject({ action: "invitation.revoked", targetId: other.body.id });
  });

  it("lets sphere managers and moderators invite into their sphere only, as members or guests", async () => {
    const sphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const otherSphere = await createSphere(t.ctx, asso.id, { visibility: "private" });
    const manager = await t.client().signInAs(sphere.managerId);
    const moderatorUser = await createMember(t.ctx, asso.id, "member");
    await addToSphere(t.ctx, asso.id, sphere.id, moderatorUser.id, "moderator");
    const moderator = await t.client().signInAs(moderatorUser.id);

    expect((await manager.post(`${url()}/emails`, { emails: "f@example.fr" })).status).toBe(403);
    expect((await manager.post(`${url()}/emails`, { emails: "f@example.fr", sphereId: otherSphere.id })).status).toBe(403);
    expect((await manager.post(`${url()}/emails`, { emails: "f@example.fr", sphereId: sphere.id, associationRole: "admin" })).status).toBe(403);
    expect((await moderator.post(`${url()}/links`, { sphereId: sphere.id, sphereRole: "moderator" })).status).toBe(403);
    expect((await manager.post(`${url()}/emails`, { emails: "f@example.fr", sphereId: sphere.id, sphereRole: "moderator" })).status).toBe(200);
    const link = await moderator.post(`${url()}/links`, { sphereId: sphere.id, associationRole: "guest", sphereRole: "guest" });
    expect(link.status).toBe(200);

    expect((await manager.get(url())).status).toBe(403);
    const own = await moderator.get(`${url()}?sphereId=${sphere.id}`);
    expect(own.body.items).toHaveLength(2);
    expect((await moderator.delete(`${url()}/${link.body.id}`)).status).toBe(200);
    const plain = await t.client().signInAs((await createMember(t.ctx, asso.id, "member")).id);
    expect((await plain.delete(`${url()}/${own.body.items[1].id}`)).status).toBe(404);
  });
});

describe("invitation rate limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "3" });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("slows down whoever tries tokens in a loop", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.client().get(`/api/v1/invitations/guess-${i}-aaaaaaaaaaaa`)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });

  it("lets an admin send many invitations, but not without end, and counts each account on its own", async () => {
    const asso = await createAssociation(t.ctx);
    const admin = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const other = await t.client().signInAs((await createMember(t.ctx, asso.id, "admin")).id);
    const url = `/api/v1/associations/${asso.id}/invitations/links`;
    const statuses: number[] = [];
    // AUTH_RATE_LIMIT is 3 here: sending allows ten times that per account and 15 minutes.
    for (let i = 0; i < 31; i++) statuses.push((await admin.post(url, {})).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await other.post(url, {})).status).toBe(200);
  });
});
