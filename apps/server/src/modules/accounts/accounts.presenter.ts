import type { Me, UserSession } from "@trame/contracts";
import { avatarUrlOf } from "../../platform/storage/public-urls.js";
import { getInstanceAbilities } from "./accounts.policy.js";
import type { UserRow } from "./accounts.repository.js";

/** The signed-in person as the API shows them to themselves (never the password hash). */
export function presentMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: user.language,
    isInstanceAdmin: user.isInstanceAdmin,
    hasPassword: user.passwordHash !== null,
    avatarUrl: avatarUrlOf(user.id, user.avatarKey),
    abilities: getInstanceAbilities(user),
  };
}

export function presentUserSession(
  row: { id: string; createdAt: string; lastSeenAt: string; userAgent: string | null; ip: string | null },
  currentSessionId: string | null,
): UserSession {
  return {
    id: row.id,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    userAgent: row.userAgent,
    ip: row.ip,
    isCurrent: row.id === currentSessionId,
  };
}
