import type { Actor } from "../../platform/authz/actor.js";
import type { AppContext } from "../../platform/app-context.js";
import { deleteSession, findLiveSessionWithUser, insertSession, touchSession, type UserRow } from "./accounts.repository.js";
import { generateToken, hashToken } from "./session-tokens.js";

export interface ResolvedSession {
  actor: Extract<Actor, { kind: "user" }>;
  user: UserRow;
  csrfToken: string;
}

/** Opens a session for a user; returns the cookie value (the only place the raw token exists). */
export async function openSession(
  ctx: AppContext,
  userId: string,
  client: { userAgent: string | null; ip: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = generateToken();
  const csrfToken = generateToken();
  await insertSession(ctx.db, {
    id: hashToken(token),
    userId,
    csrfToken,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    ip: client.ip,
    expiresAt: sessionExpiry(ctx),
  });
  return { token, csrfToken };
}

export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  const sessionId = hashToken(token);
  const row = await findLiveSessionWithUser(ctx.db, sessionId);
  if (!row) return null;
  await touchSession(ctx.db, sessionId, sessionExpiry(ctx));
  return {
    actor: { kind: "user", userId: row.user.id, isInstanceAdmin: row.user.isInstanceAdmin, sessionId },
    user: row.user,
    csrfToken: row.session.csrfToken,
  };
}

export async function closeSession(ctx: AppContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId);
}

function sessionExpiry(ctx: AppContext): string {
  return new Date(Date.now() + ctx.config.sessionTtlDays * 86_400_000).toISOString();
}
