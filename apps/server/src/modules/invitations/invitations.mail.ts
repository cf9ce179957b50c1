import type { Language } from "@trame/contracts";
import { inertText } from "../../platform/mail/inert-text.js";
import { renderMail } from "../../platform/mail/mail-layout.js";

export interface InvitationMailInput {
  /** The association's language: the invitee has no account (hence no language of their own) yet. */
  language: Language;
  associationName: string;
  sphereName: string | null;
  inviterName: string | null;
  message: string | undefined;
  url: string;
  expiresAt: string;
  timeZone: string;
}

function formatDate(iso: string, language: Language, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
  }
}

/**
 * The invitation e-mail, in French or in English, text and HTML from one source. What people typed (the personal
 * message, the inviter's display name, the sphere's name) goes in as inert text: no mail client may make a link of
 * it (see inertText); the association's name comes from the instance's administrators.
 */
export function renderInvitationMail(raw: InvitationMailInput) {
  const input: InvitationMailInput = {
    ...raw,
    inviterName: raw.inviterName === null ? null : inertText(raw.inviterName),
    sphereName: raw.sphereName === null ? null : inertText(raw.sphereName),
  };
  const until = formatDate(input.expiresAt, input.language, input.timeZone);
  const message = raw.message === undefined ? undefined : inertText(raw.message).trim();
  if (input.language === "en") {
    const who = input.inviterName ? `${input.inviterName} invites you` : "You are invited";
    const where = input.sphereName
      ? `to join the sphere “${input.sphereName}” of ${input.associationName} on Trame.`
      : `to join ${input.associationName} on Trame.`;
    return renderMail({
      subject: `Invitation to join ${input.associationName}`,
      greeting: "Hello,",
      paragraphs: [
        `${who} ${where}`,
        ...(message ? [`Their message: “${message}”`] : []),
        `This invitation is valid until ${until}. If you do not have an account yet, it will be created when you accept.`,
      ],
      action: { label: "Accept the invitation", url: input.url },
      footer: "If you did not expect this invitation, you can ignore this message: nothing happens without your consent.",
    });
  }
  const who = input.inviterName ? `${input.inviterName} vous invite` : "Vous êtes invité·e";
  const where = input.sphereName
    ? `à rejoindre la sphère « ${input.sphereName} » de ${input.associationName} sur Trame.`
    : `à rejoindre ${input.associationName} sur Trame.`;
  return renderMail({
    subject: `Invitation à rejoindre ${input.associationName}`,
    greeting: "Bonjour,",
    paragraphs: [
      `${who} ${where}`,
      ...(message ? [`Son message : « ${message} »`] : []),
      `Cette invitation est valable jusqu’au ${until}. Si vous n’avez pas encore de compte, il sera créé quand vous l’accepterez.`,
    ],
    action: { label: "Accepter l’invitation", url: input.url },
    footer: "Si vous n’attendiez pas cette invitation, ignorez ce message : rien ne se passe sans votre accord.",
  });
}
