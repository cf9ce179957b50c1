import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "@trame/contracts";
import { Select } from "../../../components/select";
import { TextField } from "../../../components/text-field";
import { languages } from "../../../app/i18n";
import { slugify, slugPattern } from "../../../app/text";
import { listTimeZones } from "../../../app/time-zones";

export interface AssociationDraft {
  name: string;
  /** Null while the web address follows the name; what the person typed once they edited it. */
  slug: string | null;
  language: Language;
  timeZone: string;
}

/** A new association speaks the language of whoever creates it, and lives in Paris' time until told otherwise. */
export function newAssociationDraft(interfaceLanguage: string): AssociationDraft {
  return { name: "", slug: null, language: interfaceLanguage === "en" ? "en" : "fr", timeZone: "Europe/Paris" };
}

export function slugOf(draft: AssociationDraft): string {
  return draft.slug ?? slugify(draft.name);
}

/** The checks made before an association's fields are sent (the server makes them again): a message, or false. */
export function useAssociationChecks() {
  const { t } = useTranslation();
  return {
    name: (value: string) => value.trim().length < 2 && t("validation.minLength", { count: 2 }),
    slug: (value: string) => !(value.length >= 2 && slugPattern.test(value)) && t("validation.slug"),
  };
}

export interface AssociationFormFieldsProps {
  draft: AssociationDraft;
  onChange: (draft: AssociationDraft) => void;
  errors: { name?: string; slug?: string };
  /** The web address is chosen at creation only. */
  withSlug: boolean;
  languageHint?: ReactNode;
  /** The zone saved so far, offered even when this browser does not know it. */
  savedTimeZone?: string;
}

/** Name, web address (at creation), language and time zone of an association. */
export function AssociationFormFields({ draft, onChange, errors, withSlug, languageHint, savedTimeZone }: AssociationFormFieldsProps) {
  const { t } = useTranslation();
  const zones = useMemo(() => listTimeZones(savedTimeZone).map((zone) => ({ value: zone, label: zone })), [savedTimeZone]);
  const slug = slugOf(draft);
  return (
    <>
      <TextField label={t("fields.associationName")} required value={draft.name} onChange={(name) => onChange({ ...draft, name })} error={errors.name} />
      {withSlug ? (
        <TextField
          label={t("fields.slug")}
          hint={t("fields.slugHint", { example: `/a/${slug || "mon-association"}` })}
          required
          value={slug}
          onChange={(value) => onChange({ ...draft, slug: value.toLowerCase() })}
          autoCapitalize="off"
          spellCheck={false}
          error={errors.slug}
        />
      ) : null}
      <Select
        label={t("fields.language")}
        hint={languageHint}
        value={draft.language}
        onChange={(language) => onChange({ ...draft, language })}
        options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
      />
      <Select label={t("fields.timeZone")} value={draft.timeZone} onChange={(timeZone) => onChange({ ...draft, timeZone })} options={zones} />
    </>
  );
}
