import { createHash } from "node:crypto";

/**
 * Public addresses of stored images, as the contracts send them (logoUrl, avatarUrl). The `v` parameter changes
 * with the stored key, so browsers may cache an address forever: a new image gets a new address.
 */
export function logoUrlOf(associationId: string, logoKey: string | null): string | null {
  return logoKey ? `/api/v1/associations/${associationId}/logo?v=${versionOfKey(logoKey)}` : null;
}

export function avatarUrlOf(userId: string, avatarKey: string | null): string | null {
  return avatarKey ? `/api/v1/users/${userId}/avatar?v=${versionOfKey(avatarKey)}` : null;
}

/** A short, stable fingerprint of a storage key (not of its content: the key already names the content). */
export function versionOfKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 12);
}
