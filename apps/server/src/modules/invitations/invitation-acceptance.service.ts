import type { z } from "zod";
import { webRoutes, type acceptInvitationBodySchema, type Language } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { AppError, conflict, validationFailed } from "../../platform/http/app-error.js";
import { runInTransaction, type DbOrTx, type Tx } from "../../platform/db/transaction.js";
import type { EventBatch } from "../../platform/events/event-batch.js";
import { scheduleMailDelivery } from "../../platform/mail/mail-delivery.js";
import { queueMail } from "../../platform/mail/mailer.js";
import {
  assertPasswordAcceptable,
  createSignInLinkInTx,
  findUserByEmail,
  findUserById,
  generateToken,
  hashPassword,
  hashToken,
  insertUser,
  isEmailTakenError,
  useEmailLinkInTx,
  type UserRow,
} from "../accounts/accounts.public.js";
import { addAssociationMemberInTx, lockAssociation } from "../associations/associations.public.js";
import { addSphereMemberInTx, lockSphere } from "../spheres/spheres.public.js";
import { renderExistingAccountInvitationMail, renderNewAccountInvitationMail } from "./invitation-confirmation.mail.js";
import {
  consumeInvitationConfirmation,
  consumeInvitationUse,
  findInvitationByIdWithNames,
  findInvitationByTokenHash,
  hasInvitedMemberships,
  insertInvitationConfirmation,
  isUsable,
} from "./invitations.repository.js";

/** How long the link mailed by a signed-out acceptance of a link invitation works. */
const CONFIRMATION_TTL_MS = 60 * 60_000;

const invalidInvitation = () =>
  new AppError("TOKEN_INVALID", "This invitation has expired, was revoked or has already been used. Ask for a new one.");
const invalidConfirmation = () =>
  new AppError("TOKEN_INVALID", "This link has expired or was already used. Open the invitation again to receive a new one.");

async function findUsableInvitation(ctx: AppContext, token: string) {
  const found = await findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!found || !isUsable(found.invitation)) throw invalidInvitation();
  return found;
}

/** What the invitation page shows before accepting; works signed out. */
export async function previewInvitation(ctx: AppContext, actor: Actor, token: string) {
  const found = await findUsableInvitation(ctx, token);
  const { invitation } = found;
  const needsAccount =
    actor.kind !== "user" &&
    (invitation.kind === "link" || !(invitation.email && (await findUserByEmail(ctx.db, invitation.email))));
  return {
    associationName: found.associationName,
    associationSlug: found.associationSlug,
    sphereName: found.sphereName,
    invitedByName: found.invitedByName,
    kind: invitation.kind,
    email: invitation.email,
    needsAccount,
  };
}

export interface AcceptedInvitation {
  outcome: "joined";
  associationId: string;
  associationSlug: string;
  sphereId: string | null;
  /** Set when the account was created now: the route signs them in. */
  createdUser: UserRow | null;
}

/**
 * Accepts an invitation: the account if needed, the memberships (never lowering a role someone already has), and
 * one use counted atomically — all in one transaction, so a spent or expired invitation leaves nothing behind.
 * A link invitation accepted signed out continues by e-mail instead (see requestConfirmation). `mayMail` tells
 * whether a mail for this invitation may go to an address now (the route's cool-down).
 */
export async function acceptInvitation(
  ctx: AppContext,
  actor: Actor,
  token: string,
  body: z.output<typeof acceptInvitationBodySchema>,
  mayMail: (email: string, invitationId: string) => Promise<boolean> = async () => true,
): Promise<AcceptedInvitation | { outcome: "emailSent" }> {
  const found = await findUsableInvitation(ctx, token);
  const { invitation } = found;
  if (actor.kind !== "user" && invitation.kind === "link") return requestConfirmation(ctx, found, body, mayMail);
  const signedInUser = actor.kind === "user" ? await findUserById(ctx.db, actor.userId) : null;
  if (signedInUser && invitation.kind === "email" && signedInUser.email.toLowerCase() !== invitation.email?.toLowerCase()) {
    throw conflict(
      `This invitation was sent to ${invitation.email}, and you are signed in as ${signedInUser.email}. Sign out, then open the invitation again.`,
    );
  }
  const newAccountEmail = signedInUser ? null : await emailForNewAccount(ctx, invitation.email);
  if (newAccountEmail !== null && !body.displayName) {
    throw validationFailed("Tell us your name to create your account.", [{ path: "displayName", message: "required" }]);
  }
  if (newAccountEmail !== null && body.password !== undefined) assertPasswordAcceptable(body.password);
  // Hashing is slow on purpose: done before the transaction, which then holds its locks only for the writes.
  const passwordHash = newAccountEmail !== null && body.password !== undefined ? await hashPassword(body.password) : null;
  const sphereId = invitation.sphereId !== null && found.sphereArchivedAt === null ? invitation.sphereId : null;

  const createdUser = await runInTransaction(ctx, async (tx, events) => {
    const user = signedInUser ?? (await insertNewAccount(tx, newAccountEmail!, body.displayName!, passwordHash, found.associationLanguage));
    await joinInTx(tx, found, sphereId, user.id, events, signedInUser !== null);
    return signedInUser ? null : user;
  });
  return { outcome: "joined", associationId: invitation.associationId, associationSlug: found.associationSlug, sphereId, createdUser };
}

type FoundInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

/**
 * The memberships an invitation gives, under the association's (then the sphere's) lock, with one use counted
 * atomically and the audit record. `mayAlreadyBelong`: for an existing account, opening an invitation one already
 * benefits from changes nothing and spends no use of it.
 */
async function joinInTx(tx: Tx, found: FoundInvitation, sphereId: string | null, userId: string, events: EventBatch, mayAlreadyBelong: boolean) {
  const { invitation } = found;
  await lockAssociation(tx, invitation.associationId);
  if (sphereId) await lockSphere(tx, invitation.associationId, sphereId);
  if (mayAlreadyBelong && (await hasInvitedMemberships(tx, invitation, userId))) return;
  if (!(await consumeInvitationUse(tx, invitation.id))) throw invalidInvitation();
  const role = await addAssociationMemberInTx(tx, invitation.associationId, userId, invitation.associationRole, invitation.invitedBy, events, "atLeast");
  if (sphereId) await addSphereMemberInTx(tx, { associationId: invitation.associationId, sphereId }, userId, invitation.sphereRole, events);
  await insertAuditRecord(tx, {
    associationId: invitation.associationId,
    actorId: userId,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: invitation.id,
    data: { kind: invitation.kind, associationRole: role, sphereId, sphereRole: sphereId ? invitation.sphereRole : null },
  });
}

/**
 * A link invitation accepted signed out: the typed address receives a link that completes the acceptance, and the
 * answer is the same whether or not the address has an account (accepting must not tell who has one). Without an
 * account, the mail (in the association's language) confirms the address, and the name and password chosen wait
 * with it; with one, the mail (in the account's language) carries a sign-in link of that account, which dies with
 * its other links, and the name and password typed are ignored: accepting must not be a way into an account.
 * The same checks and the same work (a password hash, one transaction) happen either way.
 */
async function requestConfirmation(
  ctx: AppContext,
  found: FoundInvitation,
  body: z.output<typeof acceptInvitationBodySchema>,
  mayMail: (email: string, invitationId: string) => Promise<boolean>,
): Promise<{ outcome: "emailSent" }> {
  const email = body.email;
  if (!email) throw validationFailed("Your e-mail address is needed to create your account.", [{ path: "email", message: "required" }]);
  if (!body.displayName) throw validationFailed("Tell us your name to create your account.", [{ path: "displayName", message: "required" }]);
  if (body.password !== undefined) assertPasswordAcceptable(body.password);
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : null;
  const { invitation } = found;
  // Quietly: a mail for this invitation went to this address moments ago, and its link works.
  if (!(await mayMail(email, invitation.id))) return { outcome: "emailSent" };

  const place = { associationName: found.associationName, sphereName: found.sphereName, publicUrl: ctx.config.publicUrl };
  const expiresAt = new Date(Date.now() + CONFIRMATION_TTL_MS).toISOString();
  const outboxId = await runInTransaction(ctx, async (tx) => {
    const account = await findUserByEmail(tx, email);
    const token = account ? await createSignInLinkInTx(tx, account.id, CONFIRMATION_TTL_MS) : generateToken();
    await insertInvitationConfirmation(tx, {
      associationId: invitation.associationId,
      invitationId: invitation.id,
      tokenHash: hashToken(token),
      email,
      userId: account?.id ?? null,
      displayName: account ? null : body.displayName!,
      passwordHash: account ? null : passwordHash,
      expiresAt,
    });
    const url = `${ctx.config.publicUrl}${webRoutes.invitationConfirm(token)}`;
    const mail = account
      ? renderExistingAccountInvitationMail(account.language, { ...place, url, displayName: account.displayName })
      : renderNewAccountInvitationMail(found.associationLanguage, { ...place, url });
    return queueMail(tx, { to: account?.email ?? email, ...mail });
  });
  await scheduleMailDelivery(ctx, outboxId);
  return { outcome: "emailSent" };
}

/**
 * Uses the link mailed by requestConfirmation: creates the account (or signs into the one the address had, through
 * its sign-in link: the account's other links are spent with it) and gives the invitation's memberships, in one
 * transaction; nothing is spent if any of it fails. Answers where the person now belongs and their account (the route
 * signs it in).
 */
export async function confirmInvitation(ctx: AppContext, token: string): Promise<AcceptedInvitation & { user: UserRow }> {
  const tokenHash = hashToken(token);
  const { found, sphereId, user } = await runInTransaction(ctx, async (tx, events) => {
    const confirmation = await consumeInvitationConfirmation(tx, tokenHash);
    if (!confirmation) throw invalidConfirmation();
    const found = await findInvitationByIdWithNames(tx, confirmation.invitationId);
    if (!found || !isUsable(found.invitation)) throw invalidInvitation();
    let user: UserRow | null;
    if (confirmation.userId) {
      // A sign-in by link: spent already if the account was entered by another link or its password changed since.
      const userId = await useEmailLinkInTx(tx, tokenHash, "sign_in");
      user = userId === confirmation.userId ? await findUserById(tx, userId) : null;
    } else {
      // The address has had an account made for it since the mail left: it signs in with that one, by a new request.
      user =
        confirmation.displayName && !(await findUserByEmail(tx, confirmation.email))
          ? await insertAccountOrNull(tx, confirmation.email, confirmation.displayName, confirmation.passwordHash, found.associationLanguage)
          : null;
    }
    if (!user) throw invalidConfirmation();
    const sphereId = found.invitation.sphereId !== null && found.sphereArchivedAt === null ? found.invitation.sphereId : null;
    await joinInTx(tx, found, sphereId, user.id, events, confirmation.userId !== null);
    return { found, sphereId, user };
  });
  return {
    outcome: "joined",
    associationId: found.invitation.associationId,
    associationSlug: found.associationSlug,
    sphereId,
    createdUser: null,
    user,
  };
}

async function insertAccountOrNull(tx: DbOrTx, email: string, displayName: string, passwordHash: string | null, language: Language) {
  try {
    return await insertUser(tx, { email, displayName, passwordHash, language });
  } catch (err) {
    if (isEmailTakenError(err)) return null;
    throw err;
  }
}

async function insertNewAccount(tx: DbOrTx, email: string, displayName: string, passwordHash: string | null, language: Language) {
  try {
    return await insertUser(tx, { email, displayName, passwordHash, language });
  } catch (err) {
    // Two accepts racing with the same address: the second is told to sign in, as if it had come later.
    if (isEmailTakenError(err)) throw new AppError("UNAUTHENTICATED", "An account already exists for this address: sign in first.");
    throw err;
  }
}

/**
 * The address of the account to create for a signed-out visitor of an e-mail invitation: the invited address (they
 * proved they read its mailbox). If it already has an account, they must sign in first: accepting must not be a way
 * into someone else's account. (Link invitations accepted signed out continue by e-mail: requestConfirmation.)
 */
async function emailForNewAccount(ctx: AppContext, invited: string | null): Promise<string> {
  const email = invited;
  if (!email) throw validationFailed("Your e-mail address is needed to create your account.", [{ path: "email", message: "required" }]);
  if (await findUserByEmail(ctx.db, email)) {
    throw new AppError("UNAUTHENTICATED", "An account already exists for this address: sign in first, then open the invitation again.");
  }
  return email;
}
