import { createHash, randomBytes } from "node:crypto";

/** 256 bits of randomness, URL-safe. Used for session cookies, e-mail links, invitation links, CSRF tokens. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only hashes of bearer tokens are stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
