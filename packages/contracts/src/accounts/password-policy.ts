/**
 * The CNIL recommendation (deliberation 2022-100) as QUALITY.md states it: at least 12 characters from the four
 * classes (lower case, upper case, digits, symbols), or a passphrase of equivalent entropy (~80 bits). No forced
 * periodic change. Shared by the server (which enforces it) and the web app (which shows the strength meter).
 */
export interface PasswordEvaluation {
  acceptable: boolean;
  /** 0 (very weak) … 4 (strong), for the meter. */
  strength: 0 | 1 | 2 | 3 | 4;
  length: number;
  classes: number;
  /** Rough entropy estimate in bits: length × log2(alphabet of the classes used). */
  entropyBits: number;
}

const TARGET_BITS = 80;

export function evaluatePassword(password: string): PasswordEvaluation {
  const chars = [...password];
  const length = chars.length;
  const hasLower = /\p{Ll}/u.test(password);
  const hasUpper = /\p{Lu}/u.test(password);
  const hasDigit = /\p{Nd}/u.test(password);
  const hasSymbol = /[^\p{Ll}\p{Lu}\p{Nd}]/u.test(password);
  const classes = [hasLower, hasUpper, hasDigit, hasSymbol].filter(Boolean).length;
  const alphabet = (hasLower ? 26 : 0) + (hasUpper ? 26 : 0) + (hasDigit ? 10 : 0) + (hasSymbol ? 33 : 0);
  // Repeated characters add little: count distinct-ish content by penalising long runs of one character.
  const distinct = new Set(chars).size;
  const effectiveLength = Math.min(length, distinct * 3);
  const entropyBits = alphabet > 0 ? Math.round(effectiveLength * Math.log2(alphabet)) : 0;
  const acceptable = (length >= 12 && classes === 4 && distinct >= 6) || entropyBits >= TARGET_BITS;
  let strength: PasswordEvaluation["strength"];
  if (acceptable) strength = entropyBits >= 100 ? 4 : 3;
  else if (entropyBits >= 50) strength = 2;
  else if (entropyBits >= 28) strength = 1;
  else strength = 0;
  return { acceptable, strength, length, classes, entropyBits };
}
