import { hash, verify } from "@node-rs/argon2";
import { evaluatePassword } from "@trame/contracts";
import { AppError } from "../../platform/http/app-error.js";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP baseline). Algorithm 2 = argon2id.
const ARGON2ID = 2;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Throws WEAK_PASSWORD with a field error when the password does not meet the CNIL rule. */
export function assertPasswordAcceptable(password: string, field = "password"): void {
  if (!evaluatePassword(password).acceptable) {
    throw new AppError(
      "WEAK_PASSWORD",
      "This password is too weak: use at least 12 characters mixing lower case, upper case, digits and symbols, or a long passphrase.",
      [{ path: field, message: "too weak" }],
    );
  }
}
