import { displayNameSchema, emailSchema, webRoutes, type Language, type Page } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { decodeCursor, encodeCursor } from "../../platform/db/cursor.js";
import { runInTransaction, type DbOrTx, type Tx } from "../../platform/db/transaction.js";
import { AppError, conflict, notFound, validationFailed } from "../../platform/http/app-error.js";
import { scheduleMailDelivery } from "../../platform/mail/mail-delivery.js";
import { queueMail } from "../../platform/mail/mailer.js";
import { magicLinkMail, passwordResetMail } from "./accounts.mail.js";
import {
  consumeEmailToken,
  deleteSession,
  deleteUserSessions,
  findEmailTokenUser,
  findUserByEmail,
  findUserById,
  hasInstanceAdmin,
  insertEmailToken,
  insertUser,
  isEmailTakenError,
  listUsersPage,
  lockUser,
  spendEmailTokens,
  updateUser,
  type EmailTokenPurpose,
  type UserRow,
} from "./accounts.repository.js";
import { assertPasswordAcceptable, hashPassword, verifyPassword } from "./passwords.js";
import { generateToken, hashToken } from "./session-tokens.js";
import { openSession } from "./sessions.service.js";

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

/** A new session: the raw cookie token exists only here, on its way to the browser. */
export interface SignedIn {
  user: UserRow;
  token: string;
  csrfToken: string;
}

const MAGIC_LINK_TTL_MS = 15 * 60_000;
const PASSWORD_RESET_TTL_MS = 60 * 60_000;

const invalidCredentials = () => new AppError("INVALID_CREDENTIALS", "Wrong e-mail address or password.");
const tokenInvalid = (what: "sign-in" | "reset") =>
  new AppError(
    "TOKEN_INVALID",
    what === "sign-in"
      ? "This sign-in link has expired or was already used. Ask for a new link."
      : "This password reset link has expired or was already used. Ask for a new link.",
  );

// Verifying against this hash when the address is unknown makes a wrong address cost as much time as a wrong
// password: response times do not tell who has an account.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(generateToken()));

/** No instance administrator yet: the web app offers the set-up page. */
export async function isSetupRequired(ctx: AppContext): Promise<boolean> {
  return !(await hasInstanceAdmin(ctx.db));
}

export async function getMe(ctx: AppContext, actor: Actor): Promise<UserRow | null> {
  return actor.kind === "user" ? findUserById(ctx.db, actor.userId) : null;
}

/**
 * Opens a fresh session (a new id at every sign-in: a session planted before sign-in is worthless) and closes the
 * one it replaces, if the browser was already signed in.
 */
async function startSession(ctx: AppContext, user: UserRow, client: ClientInfo, replacing: string | null): Promise<SignedIn> {
  if (replacing) {
    await deleteSession(ctx.db, replacing);
    ctx.realtime.disconnectSessions([replacing]);
  }
  const session = await openSession(ctx, user.id, client);
  return { user, ...session };
}

export async function signInWithPassword(
  ctx: AppContext,
  input: { email: string; password: string },
  client: ClientInfo,
  replacing: string | null,
): Promise<SignedIn> {
  const user = await findUserByEmail(ctx.db, input.email);
  const passwordHash = user?.passwordHash ?? (await getDummyHash());
  const matches = await verifyPassword(passwordHash, input.password);
  if (!user || !user.passwordHash || !matches) throw invalidCredentials();
  return startSession(ctx, user, client, replacing);
}

/**
 * Writes a single-use token (only its hash is stored) and its message in one transaction, then asks for delivery.
 * Nothing happens for an unknown address, and the caller answers the same either way.
 */
async function sendLinkMail(ctx: AppContext, email: string, purpose: EmailTokenPurpose): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return;
  const token = generateToken();
  const ttl = purpose === "sign_in" ? MAGIC_LINK_TTL_MS : PASSWORD_RESET_TTL_MS;
  const path = purpose === "sign_in" ? webRoutes.signInLink(token) : webRoutes.resetPassword(token);
  const mail = (purpose === "sign_in" ? magicLinkMail : passwordResetMail)(user.language, {
    displayName: user.displayName,
    url: `${ctx.config.publicUrl}${path}`,
    publicUrl: ctx.config.publicUrl,
  });
  const outboxId = await runInTransaction(ctx, async (tx) => {
    await insertEmailToken(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose,
      expiresAt: new Date(Date.now() + ttl).toISOString(),
    });
    return queueMail(tx, { to: user.email, ...mail });
  });
  await scheduleMailDelivery(ctx, outboxId);
}

export async function requestMagicLink(ctx: AppContext, email: string): Promise<void> {
  await sendLinkMail(ctx, email, "sign_in");
}

export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  await sendLinkMail(ctx, email, "password_reset");
}

/**
 * Uses an e-mail link (sign-in or reset) in the caller's transaction, and spends every other outstanding link of the
 * account with it: links die together, so a link mailed before cannot be used after the account was entered or its
 * password changed. Answers the account's id, or null (unknown, used, spent, expired or of another purpose).
 * Other modules whose e-mailed links sign into an account (invitations) use their link through this.
 */
export async function useEmailLinkInTx(tx: Tx, tokenHash: string, purpose: EmailTokenPurpose): Promise<string | null> {
  const userId = await findEmailTokenUser(tx, tokenHash, purpose);
  if (!userId) return null;
  // The account's row first, then its tokens (see lockUser); the token is re-checked under the lock, since a
  // concurrent use of it or of a sibling link may have spent it in the meantime.
  if (!(await lockUser(tx, userId))) return null;
  if ((await consumeEmailToken(tx, tokenHash, purpose)) !== userId) return null;
  await spendEmailTokens(tx, userId);
  return userId;
}

/**
 * A single-use sign-in link for an account, written in the caller's transaction (only its hash is stored); answers
 * the raw token for the caller's mail. Used by invitations, whose mail to an existing account signs it in.
 */
export async function createSignInLinkInTx(tx: Tx, userId: string, ttlMs: number): Promise<string> {
  const token = generateToken();
  await insertEmailToken(tx, { tokenHash: hashToken(token), userId, purpose: "sign_in", expiresAt: new Date(Date.now() + ttlMs).toISOString() });
  return token;
}

/**
 * Sets an account's password in the caller's transaction: the links still waiting in its mailbox are spent and its
 * sessions closed (all but `keepSessionId`). Answers the closed sessions' ids (their sockets close after commit), or
 * null when the account does not exist.
 */
async function setPasswordInTx(tx: Tx, userId: string, passwordHash: string, keepSessionId: string | null) {
  if (!(await lockUser(tx, userId))) return null;
  await spendEmailTokens(tx, userId);
  const closed = await deleteUserSessions(tx, userId, keepSessionId);
  const user = await updateUser(tx, userId, { passwordHash });
  return user ? { user, closed } : null;
}

export async function consumeMagicLink(ctx: AppContext, token: string, client: ClientInfo, replacing: string | null): Promise<SignedIn> {
  const userId = await runInTransaction(ctx, (tx) => useEmailLinkInTx(tx, hashToken(token), "sign_in"));
  const user = userId ? await findUserById(ctx.db, userId) : null;
  if (!user) throw tokenInvalid("sign-in");
  return startSession(ctx, user, client, replacing);
}

/**
 * Sets the new password, spends the account's other links and signs it out everywhere else; the token is used only
 * if all of it succeeds.
 */
export async function completePasswordReset(
  ctx: AppContext,
  input: { token: string; password: string },
  client: ClientInfo,
  replacing: string | null,
): Promise<SignedIn> {
  // Checked before the token is spent: a weak password must not cost the person their link.
  assertPasswordAcceptable(input.password);
  const passwordHash = await hashPassword(input.password);
  const { user, closed } = await runInTransaction(ctx, async (tx) => {
    const userId = await useEmailLinkInTx(tx, hashToken(input.token), "password_reset");
    const done = userId ? await setPasswordInTx(tx, userId, passwordHash, null) : null;
    if (!done) throw tokenInvalid("reset");
    return done;
  });
  // After commit: a rolled-back reset must not have closed anyone's sockets.
  ctx.realtime.disconnectSessions(closed);
  return startSession(ctx, user, client, replacing);
}

export async function updateProfile(ctx: AppContext, userId: string, patch: { displayName?: string; language?: Language }): Promise<UserRow> {
  const user = await updateUser(ctx.db, userId, patch);
  if (!user) throw notFound("This account");
  return user;
}

/**
 * Changes one's password. The current password is required when the account has one (a stolen session alone
 * cannot take the account over); the other sessions are signed out.
 */
export async function changePassword(
  ctx: AppContext,
  actor: { userId: string; sessionId: string | null },
  input: { currentPassword?: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw notFound("This account");
  if (user.passwordHash) {
    const matches = input.currentPassword ? await verifyPassword(user.passwordHash, input.currentPassword) : false;
    if (!matches) {
      throw validationFailed("Your current password is not the right one.", [
        { path: "currentPassword", message: input.currentPassword ? "incorrect" : "required" },
      ]);
    }
  }
  assertPasswordAcceptable(input.newPassword, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const done = await runInTransaction(ctx, (tx) => setPasswordInTx(tx, user.id, passwordHash, actor.sessionId));
  if (!done) throw notFound("This account");
  ctx.realtime.disconnectSessions(done.closed);
}

export interface CreateUserAccountInput {
  email: string;
  displayName: string;
  password?: string;
  /**
   * Instead of `password`: the argon2id hash of a password already checked and hashed. The demo's accounts share
   * one published password, hashed once for all of them rather than sixty times (seconds of a first start).
   */
  passwordHash?: string;
  language?: Language;
  isInstanceAdmin?: boolean;
}

/**
 * Creates an account (CLI, set-up, demo, invitations). Validates the address and the name, enforces the password
 * rule, and answers CONFLICT when the address is taken, whatever its case. `db` may be a transaction.
 */
export async function createUserAccount(ctx: AppContext, input: CreateUserAccountInput, db: DbOrTx = ctx.db): Promise<UserRow> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw validationFailed("This e-mail address is not valid.", [{ path: "email", message: "invalid e-mail address" }]);
  const displayName = displayNameSchema.safeParse(input.displayName);
  if (!displayName.success) {
    throw validationFailed("A name of 1 to 100 characters is required.", [{ path: "displayName", message: "1 to 100 characters" }]);
  }
  if (input.password !== undefined) assertPasswordAcceptable(input.password);
  const passwordHash = input.passwordHash ?? (input.password !== undefined ? await hashPassword(input.password) : null);
  try {
    return await insertUser(db, {
      email: email.data,
      displayName: displayName.data,
      language: input.language ?? "fr",
      passwordHash,
      isInstanceAdmin: input.isInstanceAdmin ?? false,
    });
  } catch (err) {
    if (isEmailTakenError(err)) throw conflict("An account already uses this e-mail address.");
    throw err;
  }
}

export interface UserListItem {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  isInstanceAdmin: boolean;
  createdAt: string;
}

/** Every account of the instance (administration: CLI), ordered by e-mail address, searchable by address or name. */
export async function listUsers(ctx: AppContext, query: { cursor?: string; limit: number; q?: string }): Promise<Page<UserListItem>> {
  const limit = Math.min(Math.max(query.limit, 1), 100);
  const [afterEmail] = decodeCursor(query.cursor, 1) ?? [];
  const rows = await listUsersPage(ctx.db, { limit, afterEmail: typeof afterEmail === "string" ? afterEmail : null, q: query.q });
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(({ sortEmail: _sortEmail, ...item }) => item),
    nextCursor: hasMore && last ? encodeCursor([last.sortEmail]) : null,
  };
}

/** Administration (CLI): sets a new password for an address, spends the account's e-mail links and closes its sessions. */
export async function resetPasswordByEmail(ctx: AppContext, email: string, newPassword: string): Promise<UserRow> {
  assertPasswordAcceptable(newPassword);
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw notFound("An account with this e-mail address");
  const passwordHash = await hashPassword(newPassword);
  const done = await runInTransaction(ctx, (tx) => setPasswordInTx(tx, user.id, passwordHash, null));
  if (!done) throw notFound("An account with this e-mail address");
  // From the CLI too: with REDIS_URL its hub announces them to the running nodes (see cli/context.ts, withAppContext).
  ctx.realtime.disconnectSessions(done.closed);
  return done.user;
}
