import type { z } from "zod";
import type { acceptInvitationBodySchema, Language } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { AppError, conflict, validationFailed } from "../../platform/http/app-error.js";
import { runInTransaction, type DbOrTx } from "../../platform/db/transaction.js";
import {
  assertPasswordAcceptable,
  findUserByEmail,
  findUserById,
  hashPassword,
  hashToken,
  insertUser,
  isEmailTakenError,
  type UserRow,
} from "../accounts/accounts.public.js";
import { addAssociationMemberInTx, lockAssociation } from "../associations/associations.public.js";
import { addSphereMemberInTx, lockSphere } from "../spheres/spheres.public.js";
import { consumeInvitationUse, findInvitationByTokenHash, hasInvitedMemberships, isUsable } from "./invitations.repository.js";

const invalidInvitation = () =>
  new AppError("TOKEN_INVALID", "This invitation has expired, was revoked or has already been used. Ask for a new one.");

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
  associationId: string;
  associationSlug: string;
  sphereId: string | null;
  /** Set when the account was created now: the route signs them in. */
  createdUser: UserRow | null;
}

/**
 * Accepts an invitation: the account if needed, the memberships (never lowering a role someone already has), and
 * one use counted atomically — all in one transaction, so a spent or expired invitation leaves nothing behind.
 */
export async function acceptInvitation(
  ctx: AppContext,
  actor: Actor,
  token: string,
  body: z.output<typeof acceptInvitationBodySchema>,
): Promise<AcceptedInvitation> {
  const found = await findUsableInvitation(ctx, token);
  const { invitation } = found;
  const signedInUser = actor.kind === "user" ? await findUserById(ctx.db, actor.userId) : null;
  if (signedInUser && invitation.kind === "email" && signedInUser.email.toLowerCase() !== invitation.email?.toLowerCase()) {
    throw conflict(
      `This invitation was sent to ${invitation.email}, and you are signed in as ${signedInUser.email}. Sign out, then open the invitation again.`,
    );
  }
  const newAccountEmail = signedInUser ? null : await emailForNewAccount(ctx, invitation.kind, invitation.email, body.email);
  if (newAccountEmail !== null && !body.displayName) {
    throw validationFailed("Tell us your name to create your account.", [{ path: "displayName", message: "required" }]);
  }
  if (newAccountEmail !== null && body.password !== undefined) assertPasswordAcceptable(body.password);
  // Hashing is slow on purpose: done before the transaction, which then holds its locks only for the writes.
  const passwordHash = newAccountEmail !== null && body.password !== undefined ? await hashPassword(body.password) : null;
  const sphereId = invitation.sphereId !== null && found.sphereArchivedAt === null ? invitation.sphereId : null;

  const createdUser = await runInTransaction(ctx, async (tx, events) => {
    const user = signedInUser ?? (await insertNewAccount(tx, newAccountEmail!, body.displayName!, passwordHash, found.associationLanguage));
    await lockAssociation(tx, invitation.associationId);
    if (sphereId) await lockSphere(tx, invitation.associationId, sphereId);
    // Opening an invitation one already benefits from changes nothing and spends no use of it.
    if (signedInUser && (await hasInvitedMemberships(tx, invitation, user.id))) return null;
    if (!(await consumeInvitationUse(tx, invitation.id))) throw invalidInvitation();
    const role = await addAssociationMemberInTx(tx, invitation.associationId, user.id, invitation.associationRole, invitation.invitedBy, events, "atLeast");
    if (sphereId) await addSphereMemberInTx(tx, { associationId: invitation.associationId, sphereId }, user.id, invitation.sphereRole, events);
    await insertAuditRecord(tx, {
      associationId: invitation.associationId,
      actorId: user.id,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      data: { kind: invitation.kind, associationRole: role, sphereId, sphereRole: sphereId ? invitation.sphereRole : null },
    });
    return signedInUser ? null : user;
  });
  return { associationId: invitation.associationId, associationSlug: found.associationSlug, sphereId, createdUser };
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
 * The address of the account to create for a signed-out visitor. For an e-mail invitation, the invited address
 * (they proved they read its mailbox); for a link, the one they typed. An address that already has an account
 * must sign in first: accepting must not be a way into someone else's account.
 */
async function emailForNewAccount(ctx: AppContext, kind: "email" | "link", invited: string | null, typed: string | undefined): Promise<string> {
  const email = kind === "email" ? invited : typed;
  if (!email) throw validationFailed("Your e-mail address is needed to create your account.", [{ path: "email", message: "required" }]);
  if (await findUserByEmail(ctx.db, email)) {
    throw new AppError("UNAUTHENTICATED", "An account already exists for this address: sign in first, then open the invitation again.");
  }
  return email;
}
