import type { Language } from "@trame/contracts";
import { renderMail } from "../../platform/mail/mail-layout.js";

/**
 * The mail that completes a link invitation accepted signed out. Nothing typed by the visitor appears in it (not the
 * name they gave): it goes to an address the visitor merely typed, and must carry only the instance's own words.
 */
export interface InvitationConfirmationMailInput {
  associationName: string;
  sphereName: string | null;
  url: string;
  publicUrl: string;
}

/** To an address with an account, in the account's language: the link signs in and completes the invitation. */
export interface ExistingAccountMailInput extends InvitationConfirmationMailInput {
  displayName: string;
}

const where = (language: Language, input: InvitationConfirmationMailInput) =>
  language === "en"
    ? input.sphereName
      ? `the sphere “${input.sphereName}” of ${input.associationName}`
      : input.associationName
    : input.sphereName
      ? `la sphère « ${input.sphereName} » de ${input.associationName}`
      : input.associationName;

const footer = (language: Language, publicUrl: string) =>
  language === "en"
    ? `This message was sent by Trame (${publicUrl}) following a request made on the site.`
    : `Ce message vous a été envoyé par Trame (${publicUrl}) à la suite d'une demande faite sur le site.`;

export function renderExistingAccountInvitationMail(language: Language, input: ExistingAccountMailInput) {
  const place = where(language, input);
  if (language === "en") {
    return renderMail({
      subject: `Join ${input.associationName} on Trame`,
      greeting: `Hello ${input.displayName},`,
      paragraphs: [
        `Someone, probably you, accepted an invitation to join ${place} with this address. You already have a Trame account: this link signs you in and completes the invitation. It is valid for one hour and works only once.`,
        "If you did not ask for this, ignore this message: nothing happens without this link.",
      ],
      action: { label: "Sign in and join", url: input.url },
      footer: footer(language, input.publicUrl),
    });
  }
  return renderMail({
    subject: `Rejoindre ${input.associationName} sur Trame`,
    greeting: `Bonjour ${input.displayName},`,
    paragraphs: [
      `Quelqu'un, sans doute vous, a accepté une invitation à rejoindre ${place} avec cette adresse. Vous avez déjà un compte Trame : ce lien vous connecte et termine l'invitation. Il est valable une heure et ne sert qu'une fois.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne se passe sans ce lien.",
    ],
    action: { label: "Me connecter et rejoindre", url: input.url },
    footer: footer(language, input.publicUrl),
  });
}

/** To an address without an account, in the association's language: the link confirms it and creates the account. */
export function renderNewAccountInvitationMail(language: Language, input: InvitationConfirmationMailInput) {
  const place = where(language, input);
  if (language === "en") {
    return renderMail({
      subject: `Confirm your address to join ${input.associationName}`,
      greeting: "Hello,",
      paragraphs: [
        `Someone, probably you, accepted an invitation to join ${place} on Trame with this address. This link confirms the address, creates your account and completes the invitation. It is valid for one hour and works only once.`,
        "If you did not ask for this, ignore this message: no account is created without this link.",
      ],
      action: { label: "Confirm and join", url: input.url },
      footer: footer(language, input.publicUrl),
    });
  }
  return renderMail({
    subject: `Confirmez votre adresse pour rejoindre ${input.associationName}`,
    greeting: "Bonjour,",
    paragraphs: [
      `Quelqu'un, sans doute vous, a accepté une invitation à rejoindre ${place} sur Trame avec cette adresse. Ce lien confirme l'adresse, crée votre compte et termine l'invitation. Il est valable une heure et ne sert qu'une fois.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte n'est créé sans ce lien.",
    ],
    action: { label: "Confirmer et rejoindre", url: input.url },
    footer: footer(language, input.publicUrl),
  });
}
