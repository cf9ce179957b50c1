import { webRoutes, type Language } from "@trame/contracts";
import { renderMail } from "../../platform/mail/mail-layout.js";

/** The message a new owner receives when an instance administrator creates an association for them. */
export function renderOwnerWelcomeMail(input: {
  language: Language;
  publicUrl: string;
  associationName: string;
  slug: string;
  recipientName: string;
}) {
  const signInUrl = `${input.publicUrl}${webRoutes.signIn()}`;
  const associationUrl = `${input.publicUrl}${webRoutes.association(input.slug)}`;
  if (input.language === "en") {
    return renderMail({
      subject: `${input.associationName} is ready on Trame`,
      greeting: `Hello ${input.recipientName},`,
      paragraphs: [
        `The association “${input.associationName}” has been created on Trame, and you are its owner.`,
        `Sign in with your e-mail address: we will send you a sign-in link. Your association is at ${associationUrl}`,
      ],
      action: { label: "Sign in", url: signInUrl },
      footer: "You receive this message because an administrator of this Trame instance created an association for you.",
    });
  }
  return renderMail({
    subject: `${input.associationName} est prête sur Trame`,
    greeting: `Bonjour ${input.recipientName},`,
    paragraphs: [
      `L’association « ${input.associationName} » a été créée sur Trame, et vous en êtes la ou le propriétaire.`,
      `Connectez-vous avec votre adresse e-mail : nous vous enverrons un lien de connexion. Votre association se trouve à l’adresse ${associationUrl}`,
    ],
    action: { label: "Se connecter", url: signInUrl },
    footer: "Vous recevez ce message parce qu’une ou un administrateur de cette instance Trame a créé une association pour vous.",
  });
}
