const fallbackZones = [
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Luxembourg",
  "Europe/Zurich",
  "Europe/London",
  "America/Montreal",
  "America/Guadeloupe",
  "America/Martinique",
  "America/Cayenne",
  "Indian/Reunion",
  "Indian/Mayotte",
  "Pacific/Noumea",
  "Pacific/Tahiti",
  "Africa/Dakar",
  "Africa/Abidjan",
  "UTC",
];

/** The IANA zones the browser knows (Intl), Europe/Paris first. */
export function listTimeZones(current?: string): string[] {
  let zones: string[] = fallbackZones;
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  try {
    if (typeof intl.supportedValuesOf === "function") zones = intl.supportedValuesOf("timeZone");
  } catch {
    zones = fallbackZones;
  }
  const set = new Set(["Europe/Paris", ...zones, ...(current ? [current] : [])]);
  return [...set];
}
