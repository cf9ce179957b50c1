import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "@trame/contracts";
import fr from "../locales/fr.json";

export const languages = ["fr", "en"] as const satisfies readonly Language[];
const STORAGE_KEY = "trame.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof fr };
  }
}

/** French is bundled (the default); English is fetched on demand, so French readers never download it. */
async function loadBundle(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, "translation")) return;
  if (language === "en") {
    const en = (await import("../locales/en.json")).default;
    i18next.addResourceBundle("en", "translation", en, true, true);
  }
}

/** The visitor's language before we know who they are: their last choice on this device, else the browser's. */
export function guessLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === "fr" || stored === "en") return stored;
  } catch {
    // Storage disabled: fall back to the browser.
  }
  const preferred = typeof navigator !== "undefined" ? navigator.languages ?? [navigator.language] : [];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "fr") return "fr";
    if (base === "en") return "en";
  }
  return "fr";
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr } },
    lng: "fr",
    fallbackLng: "fr",
    supportedLngs: languages,
    interpolation: { escapeValue: false },
    returnNull: false,
    // No advertising in the reader's console.
    showSupportNotice: false,
  });
  await applyLanguage(language);
}

/** Switches the interface language at once (and the document's `lang`, for screen readers). */
export async function applyLanguage(language: Language): Promise<void> {
  await loadBundle(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this device: harmless.
  }
}

export { i18next };
