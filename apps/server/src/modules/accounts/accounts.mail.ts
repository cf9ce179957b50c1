import type { Language } from "@trame/contracts";
import { renderMail, type MailContent } from "../../platform/mail/mail-layout.js";

/** The accounts module's messages, French first, English complete. Links are built by the caller. */
interface LinkMail {
  displayName: string;
  url: string;
  publicUrl: string;
}

const texts = {
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    footer: (publicUrl: string) => `Ce message vous a été envoyé par Trame (${publicUrl}) à la suite d'une demande faite sur le site.`,
    magicLink: {
      subject: "Votre lien de connexion à Trame",
      paragraphs: [
        "Voici votre lien pour vous connecter à Trame. Il est valable 15 minutes et ne sert qu'une fois.",
        "Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne peut se connecter sans lui.",
      ],
      action: "Me connecter",
    },
    passwordReset: {
      subject: "Choisir un nouveau mot de passe Trame",
      paragraphs: [
        "Quelqu'un, sans doute vous, a demandé à changer le mot de passe de votre compte Trame. Ce lien est valable une heure et ne sert qu'une fois.",
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
      ],
      action: "Choisir un nouveau mot de passe",
    },
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    footer: (publicUrl: string) => `This message was sent by Trame (${publicUrl}) following a request made on the site.`,
    magicLink: {
      subject: "Your sign-in link for Trame",
      paragraphs: [
        "Here is your link to sign in to Trame. It is valid for 15 minutes and works only once.",
        "If you did not ask for this link, ignore this message: nobody can sign in without it.",
      ],
      action: "Sign me in",
    },
    passwordReset: {
      subject: "Choose a new Trame password",
      paragraphs: [
        "Someone, probably you, asked to change the password of your Trame account. This link is valid for one hour and works only once.",
        "If you did not ask for this, ignore this message: your password stays as it is.",
      ],
      action: "Choose a new password",
    },
  },
} satisfies Record<Language, unknown>;

function linkMail(language: Language, kind: "magicLink" | "passwordReset", mail: LinkMail) {
  const t = texts[language];
  const content: MailContent = {
    subject: t[kind].subject,
    greeting: t.greeting(mail.displayName),
    paragraphs: t[kind].paragraphs,
    action: { label: t[kind].action, url: mail.url },
    footer: t.footer(mail.publicUrl),
  };
  return renderMail(content);
}

export const magicLinkMail = (language: Language, mail: LinkMail) => linkMail(language, "magicLink", mail);
export const passwordResetMail = (language: Language, mail: LinkMail) => linkMail(language, "passwordReset", mail);
