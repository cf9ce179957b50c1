import QRCode from "qrcode";
import type { z } from "zod";
import {
  webRoutes,
  type emailInvitationsBodySchema,
  type Invitation,
  type invitationListQuerySchema,
  type linkInvitationBodySchema,
  type Page,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import { runInTransaction } from "../../platform/db/transaction.js";
import { forbidden, notFound, validationFailed } from "../../platform/http/app-error.js";
import { scheduleMailDelivery } from "../../platform/mail/mail-delivery.js";
import { queueMail } from "../../platform/mail/mailer.js";
import { findUserById, generateToken, hashToken } from "../accounts/accounts.public.js";
import { actorUserId, getVisibleAssociation, type AssociationAccess } from "../associations/associations.public.js";
import { decodeTimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { getVisibleSphere, type SphereAccess } from "../spheres/spheres.public.js";
import { parseEmailList } from "./email-list.js";
import { renderInvitationMail } from "./invitations.mail.js";
import { canInvite, canListInvitations, canRevokeInvitation } from "./invitations.policy.js";
import { findInvitation, insertInvitations, listAlreadyMemberEmails, listInvitationRows, revokeInvitationRow } from "./invitations.repository.js";

/** E-mail invitations are personal: one use, two weeks. */
const EMAIL_INVITATION_DAYS = 14;
/** A pasted list is sent in one transaction; beyond this, the list is better imported in several parts. */
const MAX_ADDRESSES_PER_REQUEST = 500;

type Target = { association: AssociationAccess; sphere: SphereAccess | null };

/** Loads what the invitation points to and checks the inviter may invite there, with these roles. */
async function authorizeInvitation(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  request: { sphereId?: string; associationRole: "admin" | "member" | "guest"; sphereRole: "moderator" | "member" | "guest" },
): Promise<Target> {
  const association = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const sphere = request.sphereId ? await getVisibleSphere(ctx.db, actor, associationId, request.sphereId) : null;
  const allowed = canInvite(association.abilities, {
    associationRole: request.associationRole,
    sphere: sphere?.abilities ?? null,
    sphereRole: request.sphereRole,
  });
  if (!allowed) throw forbidden("You cannot invite with these roles here.");
  return { association, sphere };
}

const invitationUrl = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}${webRoutes.invitation(token)}`;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Invites one address or a pasted list; reports what was skipped (invalid, duplicate, already a member). */
export async function createEmailInvitations(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  body: z.output<typeof emailInvitationsBodySchema>,
) {
  const target = await authorizeInvitation(ctx, actor, associationId, body);
  const parsed = parseEmailList(body.emails);
  if (parsed.emails.length > MAX_ADDRESSES_PER_REQUEST) {
    throw validationFailed(`At most ${MAX_ADDRESSES_PER_REQUEST} addresses at once: send the list in several parts.`, [
      { path: "emails", message: "too many addresses" },
    ]);
  }
  const members = await listAlreadyMemberEmails(ctx.db, associationId, body.sphereId ?? null, parsed.emails);
  const toInvite = parsed.emails.filter((e) => !members.has(e.toLowerCase()));
  const skipped = [
    ...parsed.skipped,
    ...parsed.emails.filter((e) => members.has(e.toLowerCase())).map((value) => ({ value, reason: "alreadyMember" as const })),
  ];
  const inviterId = actorUserId(actor)!;
  const inviter = await findUserById(ctx.db, inviterId);
  const association = target.association.association;
  const expiresAt = daysFromNow(EMAIL_INVITATION_DAYS);
  const tokens = toInvite.map(() => generateToken());

  const outboxIds = await runInTransaction(ctx, async (tx) => {
    const rows = await insertInvitations(
      tx,
      toInvite.map((email, i) => ({
        associationId,
        tokenHash: hashToken(tokens[i]!),
        kind: "email" as const,
        email,
        associationRole: body.associationRole,
        sphereId: body.sphereId ?? null,
        sphereRole: body.sphereRole,
        invitedBy: inviterId,
        expiresAt,
        maxUses: 1,
      })),
    );
    const ids: string[] = [];
    for (const [i, email] of toInvite.entries()) {
      const mail = renderInvitationMail({
        language: association.language,
        timeZone: association.timeZone,
        associationName: association.name,
        sphereName: target.sphere?.sphere.name ?? null,
        inviterName: inviter?.displayName ?? null,
        message: body.message,
        url: invitationUrl(ctx, tokens[i]!),
        expiresAt,
      });
      ids.push(await queueMail(tx, { to: email, ...mail }));
    }
    if (rows.length > 0) {
      await insertAuditRecord(tx, {
        associationId,
        actorId: inviterId,
        action: "invitation.created",
        targetType: "invitation",
        targetId: rows.length === 1 ? rows[0]!.id : null,
        data: { kind: "email", count: rows.length, associationRole: body.associationRole, sphereId: body.sphereId ?? null, sphereRole: body.sphereRole },
      });
    }
    return ids;
  });
  await scheduleMailDelivery(ctx, outboxIds);
  return { invited: toInvite, skipped };
}

/** A shareable link (and its QR code) with an expiry and a use limit. */
export async function createLinkInvitation(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  body: z.output<typeof linkInvitationBodySchema>,
) {
  await authorizeInvitation(ctx, actor, associationId, body);
  const token = generateToken();
  const expiresAt = daysFromNow(body.expiresInDays);
  const invitation = await runInTransaction(ctx, async (tx) => {
    const [row] = await insertInvitations(tx, [
      {
        associationId,
        tokenHash: hashToken(token),
        kind: "link",
        email: null,
        associationRole: body.associationRole,
        sphereId: body.sphereId ?? null,
        sphereRole: body.sphereRole,
        invitedBy: actorUserId(actor),
        expiresAt,
        maxUses: body.maxUses,
      },
    ]);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: "invitation.created",
      targetType: "invitation",
      targetId: row!.id,
      data: { kind: "link", associationRole: body.associationRole, sphereId: body.sphereId ?? null, sphereRole: body.sphereRole, maxUses: body.maxUses, expiresAt },
    });
    return row!;
  });
  const url = invitationUrl(ctx, token);
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { id: invitation.id, url, qrSvg, expiresAt: invitation.expiresAt };
}

export async function listInvitations(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  query: z.output<typeof invitationListQuerySchema>,
): Promise<Page<Invitation>> {
  const association = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const sphere = query.sphereId ? await getVisibleSphere(ctx.db, actor, associationId, query.sphereId) : null;
  if (!canListInvitations(association.abilities, sphere?.abilities ?? null)) throw forbidden();
  const rows = await listInvitationRows(ctx.db, associationId, {
    sphereId: query.sphereId,
    after: decodeTimestampCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = toPage(rows, query.limit, (r) => [r.cursorTime, r.id]);
  return { items: items.map(({ cursorTime: _, revokedAt, ...row }) => ({ ...row, revoked: revokedAt !== null })), nextCursor };
}

export async function revokeInvitation(ctx: AppContext, actor: Actor, associationId: string, invitationId: string): Promise<void> {
  const association = await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const invitation = await findInvitation(ctx.db, associationId, invitationId);
  if (!invitation) throw notFound("This invitation");
  const sphere = invitation.sphereId ? await getVisibleSphere(ctx.db, actor, associationId, invitation.sphereId).catch(() => null) : null;
  if (!canRevokeInvitation(association.abilities, sphere?.abilities ?? null)) {
    // Someone who could not even list it learns nothing about it.
    if (!canListInvitations(association.abilities, sphere?.abilities ?? null)) throw notFound("This invitation");
    throw forbidden();
  }
  await runInTransaction(ctx, async (tx) => {
    await revokeInvitationRow(tx, invitationId);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitationId,
      data: { kind: invitation.kind, sphereId: invitation.sphereId },
    });
  });
}
