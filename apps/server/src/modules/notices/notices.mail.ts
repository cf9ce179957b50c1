import type { Language } from "@trame/contracts";
import { renderMail } from "../../platform/mail/mail-layout.js";

/*
 * The mails of requests and decisions, in the recipient's language. They stay minimal on purpose: the sphere's
 * name and the requester's name, never the request's message or a reason (a private sphere's business stays in the
 * app, behind sign-in); the button leads to where the rest is read. Labels are phrased so that any name fits.
 */

export function renderJoinRequestMail(input: {
  language: Language;
  recipientName: string;
  requesterName: string;
  sphereName: string;
  associationName: string;
  url: string;
}) {
  if (input.language === "en") {
    return renderMail({
      subject: `Request to join “${input.sphereName}”`,
      greeting: `Hello ${input.recipientName},`,
      paragraphs: [`${input.requesterName} asks to join the sphere “${input.sphereName}”.`, `Association: ${input.associationName}`],
      action: { label: "Review the request", url: input.url },
      footer: "You receive this message because you review the requests to join this sphere on Trame.",
    });
  }
  return renderMail({
    subject: `Demande pour rejoindre « ${input.sphereName} »`,
    greeting: `Bonjour ${input.recipientName},`,
    paragraphs: [`${input.requesterName} demande à rejoindre la sphère « ${input.sphereName} ».`, `Association : ${input.associationName}`],
    action: { label: "Examiner la demande", url: input.url },
    footer: "Vous recevez ce message parce que vous examinez les demandes pour rejoindre cette sphère sur Trame.",
  });
}

export function renderJoinDecisionMail(input: {
  language: Language;
  recipientName: string;
  sphereName: string;
  status: "approved" | "refused";
  url: string;
}) {
  const approved = input.status === "approved";
  if (input.language === "en") {
    return renderMail({
      subject: approved ? `You have joined “${input.sphereName}”` : `Your request to join “${input.sphereName}” was declined`,
      greeting: `Hello ${input.recipientName},`,
      paragraphs: [
        approved
          ? `Your request was accepted: you are now a member of the sphere “${input.sphereName}”.`
          : `Your request to join the sphere “${input.sphereName}” was declined. Any explanation is waiting for you in Trame.`,
      ],
      action: { label: approved ? "Open the sphere" : "See my requests", url: input.url },
      footer: "You receive this message because you asked to join this sphere on Trame.",
    });
  }
  return renderMail({
    subject: approved ? `Vous avez rejoint « ${input.sphereName} »` : `Votre demande pour rejoindre « ${input.sphereName} » n’a pas été acceptée`,
    greeting: `Bonjour ${input.recipientName},`,
    paragraphs: [
      approved
        ? `Votre demande est acceptée : vous faites maintenant partie de la sphère « ${input.sphereName} ».`
        : `Votre demande pour rejoindre la sphère « ${input.sphereName} » n’a pas été acceptée. L’explication éventuelle vous attend dans Trame.`,
    ],
    action: { label: approved ? "Ouvrir la sphère" : "Voir mes demandes", url: input.url },
    footer: "Vous recevez ce message parce que vous avez demandé à rejoindre cette sphère sur Trame.",
  });
}

export function renderCreationRequestMail(input: {
  language: Language;
  recipientName: string;
  requesterName: string;
  sphereName: string;
  associationName: string;
  url: string;
}) {
  if (input.language === "en") {
    return renderMail({
      subject: `Proposed sphere: “${input.sphereName}”`,
      greeting: `Hello ${input.recipientName},`,
      paragraphs: [`${input.requesterName} proposes to create the sphere “${input.sphereName}”.`, `Association: ${input.associationName}`],
      action: { label: "Review the request", url: input.url },
      footer: "You receive this message because you administer this association on Trame.",
    });
  }
  return renderMail({
    subject: `Sphère proposée : « ${input.sphereName} »`,
    greeting: `Bonjour ${input.recipientName},`,
    paragraphs: [`${input.requesterName} propose de créer la sphère « ${input.sphereName} ».`, `Association : ${input.associationName}`],
    action: { label: "Examiner la demande", url: input.url },
    footer: "Vous recevez ce message parce que vous administrez cette association sur Trame.",
  });
}

export function renderCreationDecisionMail(input: {
  language: Language;
  recipientName: string;
  sphereName: string;
  status: "approved" | "refused" | "redirected";
  url: string;
}) {
  const s = input.sphereName;
  if (input.language === "en") {
    const text = {
      approved: [`The sphere “${s}” is created`, `Your request was accepted: the sphere “${s}” is created, and you lead it.`],
      refused: [`Your proposed sphere “${s}” was declined`, `Your proposal to create the sphere “${s}” was declined. Any explanation is waiting for you in Trame.`],
      redirected: [`Your proposed sphere “${s}”: an existing sphere instead`, `Rather than creating the sphere “${s}”, the administrators point you to an existing sphere.`],
    }[input.status];
    return renderMail({
      subject: text[0]!,
      greeting: `Hello ${input.recipientName},`,
      paragraphs: [text[1]!],
      action: { label: "See my requests", url: input.url },
      footer: "You receive this message because you proposed this sphere on Trame.",
    });
  }
  const text = {
    approved: [`La sphère « ${s} » est créée`, `Votre demande est acceptée : la sphère « ${s} » est créée, et vous l’animez.`],
    refused: [`La sphère proposée « ${s} » n’a pas été acceptée`, `Votre proposition de créer la sphère « ${s} » n’a pas été acceptée. L’explication éventuelle vous attend dans Trame.`],
    redirected: [`La sphère proposée « ${s} » : une sphère existante à la place`, `Plutôt que de créer la sphère « ${s} », les administrateur·rices vous orientent vers une sphère existante.`],
  }[input.status];
  return renderMail({
    subject: text[0]!,
    greeting: `Bonjour ${input.recipientName},`,
    paragraphs: [text[1]!],
    action: { label: "Voir mes demandes", url: input.url },
    footer: "Vous recevez ce message parce que vous avez proposé cette sphère sur Trame.",
  });
}
