/**
 * Text no person writes, refused in every input: the NUL character (PostgreSQL cannot store it in text) and UTF-16
 * surrogates without their pair (no character at all: they cannot be encoded in UTF-8, and PostgreSQL refuses them
 * in JSON). Kept free of zod so the web app can use it without zod's runtime in its first download.
 */
export function isSafeText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit === 0) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

export const unsafeTextMessage = "must not contain a NUL character or an unpaired UTF-16 surrogate";

let knownZones: Set<string> | undefined;
/** `Area/Location` in words with one capital each, as the IANA database spells its names ("Europe/Kyiv"). */
const aliasShape = /^[A-Z][a-z]+(?:\/[A-Z][a-z]+(?:[_-][A-Za-z][a-z]*)*)+$/;

/**
 * An IANA time zone name the runtime knows: one of `Intl.supportedValuesOf("timeZone")`, "UTC" and "Etc/UTC", or
 * another IANA name written as `Area/Location` that the runtime accepts (a newer name its list spells the old way,
 * such as Europe/Kyiv). Offsets ("+01:00") and names in the wrong case are refused: they are not names.
 */
export function isTimeZoneName(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  knownZones ??= new Set([...(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), "UTC", "Etc/UTC"]);
  if (!knownZones.has(value) && !aliasShape.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
