import type { TFunction } from "i18next";
import type { AuditEntry } from "@trame/contracts";

/**
 * One sentence per audit record, from the locales: who did what to whom and where ("Claire Martin a nommé Léa
 * Dubois modérateur·rice de « Maraude Paris 18e »"), and the old → new values where the record has them. Names
 * come resolved from the server; one that no longer exists gets a placeholder that still reads well.
 */
export interface AuditSentence {
  text: string;
  /** "Membre → Modérateur·rice" when the record kept both values. */
  change: string | null;
  /** Further facts worth a line (a reason, the fields changed). */
  detail: string | null;
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

export function auditSentence(entry: AuditEntry, t: TFunction): AuditSentence {
  const data = entry.data;
  const actor = entry.actorName ?? t("audit.someone");
  const target = entry.targetName ?? t("audit.formerMember");
  const sphere = entry.sphereName ?? t("audit.deletedSphere");
  const roleKind = entry.action.startsWith("sphere") ? "sphere" : "association";
  const role = (value: unknown, form: "label" | "inline" = "label") => {
    const r = str(value);
    if (!r) return "";
    return form === "inline" ? t(`audit.roleInline.${roleKind}.${r}`, { defaultValue: r }) : t(`roles.${roleKind}.${r}`, { defaultValue: r });
  };
  let key = entry.action.replace(/\./g, "_");
  // The same record says two things: someone added or removed someone else, or acted on themselves.
  if (entry.actorId !== null && entry.actorId === entry.targetUserId) {
    if (entry.action === "sphereMember.added") key = "sphereMember_joined";
    if (entry.action === "sphereMember.removed") key = "sphereMember_left";
  }
  if (entry.action === "invitation.created" && entry.sphereId === null && str(data.sphereId) === null) key = "invitation_createdAssociation";
  if (entry.action === "invitation.accepted" && entry.sphereId === null && str(data.sphereId) === null) key = "invitation_acceptedAssociation";
  const values = {
    actor,
    target,
    sphere,
    name: str(data.name) ?? sphere,
    role: role(data.role ?? data.to, "inline"),
    count: typeof data.count === "number" ? data.count : 1,
    version: typeof data.version === "number" ? data.version : "",
  };
  const known = `audit.sentence.${key}`;
  const text = (t as (k: string, v?: object) => string)(known, { ...values, defaultValue: "" }) || t("audit.sentence.unknown", { ...values, action: entry.action });
  const change = data.from !== undefined && data.to !== undefined ? t("audit.fromTo", { from: role(data.from), to: role(data.to) }) : null;
  let detail: string | null = null;
  const reason = str(data.reason) ?? str(data.decisionReason);
  if (reason) detail = t("audit.reason", { reason });
  else if (entry.action === "association.updated" || entry.action === "sphere.updated") {
    const fields = Object.keys(data).map((field) => t(`audit.field.${field}`, { defaultValue: field }));
    if (fields.length > 0) detail = t("audit.changed", { fields: fields.join(", ") });
  }
  return { text, change, detail };
}
