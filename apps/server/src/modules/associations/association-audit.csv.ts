import type { AuditAction, Language } from "@trame/contracts";
import type { AuditRow } from "./association-audit.repository.js";

/*
 * Columns and labels of the audit export. The web app says each action as a sentence from its locales; a
 * spreadsheet wants one fact per column, so the export says the action as a short label and puts who, whom, where,
 * before and after in columns of their own.
 */

const headers: Record<Language, string[]> = {
  fr: ["Date", "Auteur·rice", "Action", "Personne concernée", "Sphère", "Avant", "Après", "Détails"],
  en: ["Date", "Actor", "Action", "Person concerned", "Sphere", "Before", "After", "Details"],
};

const actionLabels: Record<Language, Record<AuditAction, string>> = {
  fr: {
    "association.created": "Association créée",
    "association.updated": "Réglages de l’association modifiés",
    "association.logoChanged": "Logo modifié",
    "association.logoRemoved": "Logo retiré",
    "charter.published": "Charte publiée",
    "associationMember.added": "Membre ajouté à l’association",
    "associationMember.roleChanged": "Rôle dans l’association modifié",
    "associationMember.removed": "Membre retiré de l’association",
    "associationMember.left": "Départ de l’association",
    "invitation.created": "Invitation créée",
    "invitation.accepted": "Invitation acceptée",
    "invitation.revoked": "Invitation révoquée",
    "sphere.created": "Sphère créée",
    "sphere.updated": "Sphère modifiée",
    "sphere.archived": "Sphère archivée",
    "sphere.unarchived": "Sphère désarchivée",
    "sphere.deleted": "Sphère supprimée",
    "sphereMember.added": "Membre ajouté à une sphère",
    "sphereMember.roleChanged": "Rôle dans une sphère modifié",
    "sphereMember.removed": "Membre retiré d’une sphère",
    "sphereJoinRequest.approved": "Demande pour rejoindre acceptée",
    "sphereJoinRequest.refused": "Demande pour rejoindre refusée",
    "sphereCreationRequest.approved": "Sphère proposée acceptée",
    "sphereCreationRequest.refused": "Sphère proposée refusée",
    "sphereCreationRequest.redirected": "Sphère proposée orientée vers une sphère existante",
  },
  en: {
    "association.created": "Association created",
    "association.updated": "Association settings changed",
    "association.logoChanged": "Logo changed",
    "association.logoRemoved": "Logo removed",
    "charter.published": "Charter published",
    "associationMember.added": "Member added to the association",
    "associationMember.roleChanged": "Association role changed",
    "associationMember.removed": "Member removed from the association",
    "associationMember.left": "Left the association",
    "invitation.created": "Invitation created",
    "invitation.accepted": "Invitation accepted",
    "invitation.revoked": "Invitation revoked",
    "sphere.created": "Sphere created",
    "sphere.updated": "Sphere changed",
    "sphere.archived": "Sphere archived",
    "sphere.unarchived": "Sphere unarchived",
    "sphere.deleted": "Sphere deleted",
    "sphereMember.added": "Member added to a sphere",
    "sphereMember.roleChanged": "Sphere role changed",
    "sphereMember.removed": "Member removed from a sphere",
    "sphereJoinRequest.approved": "Request to join approved",
    "sphereJoinRequest.refused": "Request to join refused",
    "sphereCreationRequest.approved": "Proposed sphere approved",
    "sphereCreationRequest.refused": "Proposed sphere refused",
    "sphereCreationRequest.redirected": "Proposed sphere redirected to an existing sphere",
  },
};

const roleLabels: Record<Language, Record<string, string>> = {
  fr: { owner: "Propriétaire", admin: "Administrateur·rice", member: "Membre", guest: "Invité·e", manager: "Animateur·rice", moderator: "Modérateur·rice" },
  en: { owner: "Owner", admin: "Administrator", member: "Member", guest: "Guest", manager: "Manager", moderator: "Moderator" },
};

export const auditCsvHeader = (language: Language): string[] => headers[language];

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is prefixed with an
 * apostrophe: names and reasons are typed by members (CSV injection).
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function localDateTime(iso: string, timeZone: string): string {
  try {
    // The Swedish format is ISO-like (2026-12-02 05:10:33): sortable, and read as a date by spreadsheets.
    return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone }).format(new Date(iso));
  } catch {
    return iso;
  }
}

const valueText = (value: unknown, language: Language): string =>
  value === undefined || value === null ? "" : typeof value === "string" ? (roleLabels[language][value] ?? value) : JSON.stringify(value);

export function auditCsvRecord(row: AuditRow, language: Language, timeZone: string): string[] {
  const { from, to, ...details } = row.data;
  return [
    localDateTime(row.createdAt, timeZone),
    row.actorName ?? "",
    actionLabels[language][row.action as AuditAction] ?? row.action,
    row.targetName ?? "",
    row.sphereName ?? "",
    valueText(from, language),
    valueText(to, language),
    Object.keys(details).length > 0 ? JSON.stringify(details) : "",
  ].map(spreadsheetSafe);
}
