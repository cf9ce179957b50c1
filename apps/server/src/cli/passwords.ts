import { randomInt } from "node:crypto";
import { evaluatePassword } from "@trame/contracts";

// No look-alike characters (0/O, 1/l/I): the password is read from a terminal and typed elsewhere.
const lower = "abcdefghijkmnopqrstuvwxyz";
const upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const digits = "23456789";
const alphabet = lower + upper + digits;

/**
 * A strong password for the console to print: four groups of five characters joined by dashes (about 115 bits),
 * with lower case, upper case, digits and symbols — it passes the CNIL rule the server enforces.
 */
export function generateStrongPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join(""));
    const password = groups.join("-");
    const hasAll = [lower, upper, digits].every((set) => [...password].some((c) => set.includes(c)));
    if (hasAll && evaluatePassword(password).acceptable) return password;
  }
}
