import type { Actor } from "../../platform/authz/actor.js";
import type { AppContext } from "../../platform/app-context.js";
import type { Page, UserSession } from "@trame/contracts";
import { decodeTimestampCursor, toTimestampPage } from "../../platform/db/timestamp-cursor.js";
import { notFound } from "../../platform/http/app-error.js";
import {
  deleteSession,
  deleteUserSession,
  deleteUserSessions,
  findLiveSessionWithUser,
  insertSession,
  listUserSessions,
  touchSession,
  type UserRow,
} from "./accounts.repository.js";
import { presentUserSession } from "./accounts.presenter.js";
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

const TOUCH_INTERVAL_MS = 60_000;

export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  const sessionId = hashToken(token);
  const row = await findLiveSessionWithUser(ctx.db, sessionId);
  if (!row) return null;
  // The sliding expiry is written at most once a minute: on the other requests this costs no round trip at all.
  if (Date.now() - Date.parse(row.session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, sessionId, sessionExpiry(ctx));
  }
  return {
    actor: { kind: "user", userId: row.user.id, isInstanceAdmin: row.user.isInstanceAdmin, sessionId },
    user: row.user,
    csrfToken: row.session.csrfToken,
  };
}

/** Signs a session out; its real-time sockets, on every node, are closed too (they would go on receiving events). */
export async function closeSession(ctx: AppContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId);
  ctx.realtime.disconnectSessions([sessionId]);
}

type SignedInActor = { userId: string; sessionId: string | null };

// Session ids are sha-256 digests in base64url: anything else in a cursor is not one of ours.
const isSessionId = (id: string) => /^[A-Za-z0-9_-]{43}$/.test(id);

/** One's own live sessions, most recently used first; the one making the request is flagged. */
export async function listMySessions(ctx: AppContext, actor: SignedInActor, query: { cursor?: string; limit: number }): Promise<Page<UserSession>> {
  const rows = await listUserSessions(ctx.db, actor.userId, {
    limit: query.limit,
    after: decodeTimestampCursor(query.cursor, isSessionId),
  });
  const page = toTimestampPage(rows, query.limit);
  return { items: page.rows.map((row) => presentUserSession(row, actor.sessionId)), nextCursor: page.nextCursor };
}

/** Signs out one of one's sessions; another person's session answers NOT_FOUND, as an unknown one does. */
export async function closeMySession(ctx: AppContext, actor: SignedInActor, sessionId: string): Promise<void> {
  if (!(await deleteUserSession(ctx.db, actor.userId, sessionId))) throw notFound("This session");
  ctx.realtime.disconnectSessions([sessionId]);
}

/** "Sign out everywhere else": every session of the account but the current one. */
export async function closeOtherSessions(ctx: AppContext, actor: SignedInActor): Promise<number> {
  const closed = await deleteUserSessions(ctx.db, actor.userId, actor.sessionId);
  ctx.realtime.disconnectSessions(closed);
  return closed.length;
}

function sessionExpiry(ctx: AppContext): string {
  return new Date(Date.now() + ctx.config.sessionTtlDays * 86_400_000).toISOString();
}
