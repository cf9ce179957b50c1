/**
 * Text that people typed (a personal message, a display name, a sphere's name), made inert for an e-mail the
 * instance sends, so that the instance never carries someone's link: mail clients turn into links addresses with
 * a scheme, without one ("www.…", a bare domain, an IP address) and e-mail addresses, in the text part as in the
 * HTML part. Rather than refusing messages that mention a website (a common, honest thing to write), the text
 * is kept readable and defused:
 * - schemes are dropped: `https://example.org/page` → `example[.]org/page`;
 * - every dot of something shaped like a host name or an IPv4 address is written `[.]` (full-width and
 *   ideographic dots too, which browsers accept in host names): `www.example.org` → `www[.]example[.]org`,
 *   `someone@example.org` → `someone@example[.]org`; numbers (`2.0`, `14.30`) and abbreviations (`e.g.`) stay;
 * - invisible characters that could hide a host from this rule (zero-width space, word joiner, soft hyphen,
 *   byte order mark) and direction overrides that could disguise one are removed.
 * Escaping for HTML stays the layout's job (mail-layout.ts).
 */
export function inertText(text: string): string {
  return text.replace(hidden, "").replace(scheme, "").replace(hostLike, defuseHost);
}

// Zero-width space, word joiner, BOM, soft hyphen; bidirectional embeddings, overrides, isolates and marks.
const hidden = /[\u200B\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
// A URI scheme before two slashes (or backslashes, which browsers read as slashes): `https://`, `ftp:\\`.
const scheme = /[a-z][a-z0-9+.-]*:[/\\]{2,}/giu;
const dot = "[.\u3002\uFF0E\uFF61]";
// Letters, digits and marks of any script, `_` and `-`; ZWNJ and ZWJ, which some scripts need inside words.
const labelChar = "[\\p{L}\\p{N}\\p{M}_\\u200C\\u200D-]";
const hostLike = new RegExp(`${labelChar}+(?:${dot}${labelChar}+)+`, "gu");
const dots = new RegExp(dot, "gu");

function defuseHost(candidate: string): string {
  const labels = candidate.split(dots);
  // A domain: some label after the first looks like a name (two characters or more, with a letter: `org`,
  // `example`, `xn--p1ai`). An IPv4 address: four numbers or more.
  const domain = labels.slice(1).some((label) => label.length >= 2 && /\p{L}/u.test(label));
  const address = labels.length >= 4 && labels.every((label) => /^\d+$/.test(label));
  return domain || address ? labels.join("[.]") : candidate;
}
