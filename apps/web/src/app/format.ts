import { useTranslation } from "react-i18next";

/** Dates in the reader's language ("12 mars 2026, 14:05"); times are stored in UTC and shown in local time. */
export function useFormatDate(): (iso: string, withTime?: boolean) => string {
  const { i18n } = useTranslation();
  return (iso, withTime = false) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "fr-FR", {
      dateStyle: "long",
      ...(withTime ? { timeStyle: "short" } : {}),
    }).format(date);
  };
}
