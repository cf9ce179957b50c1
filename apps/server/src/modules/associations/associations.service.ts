import type { z } from "zod";
import {
  createAssociationBodySchema,
  type updateAssociationBodySchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { AppError, notFound, validationFailed } from "../../platform/http/app-error.js";
import { scheduleMailDelivery } from "../../platform/mail/mail-delivery.js";
import { queueMail } from "../../platform/mail/mailer.js";
import { findUserByEmail, insertUser } from "../accounts/accounts.repository.js";
import { hasPublicSphere } from "../spheres/spheres.repository.js";
import { getAssociationWithAbility, getVisibleAssociation, findAssociationAccess, actorUserId } from "./association-access.js";
import { addAssociationMemberInTx } from "./association-members.service.js";
import { renderOwnerWelcomeMail } from "./associations.mail.js";
import { presentAssociation, presentBranding } from "./associations.presenter.js";
import {
  findAssociationById,
  findCurrentCharter,
  insertAssociation,
  insertCharterVersion,
  listAssociationsOfUser,
  listAssociationsWithCounts,
  lockAssociation,
  updateAssociationRow,
  type AssociationRow,
} from "./associations.repository.js";
import { EventBatch } from "../../platform/events/event-batch.js";
import { decodeNameCursor } from "../../platform/db/name-search.js";
import { isUniqueViolation } from "../../platform/db/unique-violation.js";
import { logoUrlOf } from "../../platform/storage/public-urls.js";

export { addAssociationMember } from "./association-members.service.js";

export type CreateAssociationInput = z.input<typeof createAssociationBodySchema>;

/** Inside the caller's transaction: the association, its owner's membership, the audit line. */
export async function insertAssociationWithOwner(
  tx: DbOrTx,
  input: z.output<typeof createAssociationBodySchema>,
  ownerId: string | null,
  actorId: string | null,
  events: EventBatch,
): Promise<AssociationRow> {
  if (input.parentId && !(await findAssociationById(tx, input.parentId))) {
    throw validationFailed("The parent association does not exist.", [{ path: "parentId", message: "unknown association" }]);
  }
  // A new association has no children yet, and parentId is only ever set here: the federation tree cannot loop.
  let association: AssociationRow;
  try {
    association = await insertAssociation(tx, {
      name: input.name,
      slug: input.slug,
      parentId: input.parentId ?? null,
      language: input.language,
      timeZone: input.timeZone,
    });
  } catch (err) {
    if (isUniqueViolation(err, "associations_slug_key")) {
      throw new AppError("CONFLICT", "This address is already taken by another association.", [{ path: "slug", message: "already taken" }]);
    }
    throw err;
  }
  await insertAuditRecord(tx, {
    associationId: association.id,
    actorId,
    action: "association.created",
    targetType: "association",
    targetId: association.id,
    data: { name: association.name, slug: association.slug, parentId: association.parentId },
  });
  if (ownerId) await addAssociationMemberInTx(tx, association.id, ownerId, "owner", actorId, events);
  return association;
}

/**
 * Creates an association (instance administration, CLI, demo). With `ownerEmail`, that person becomes its owner —
 * an account without password is created if the address is new (they sign in by e-mail link) and a welcome mail
 * is queued; without it, the acting instance administrator (if any) becomes the owner.
 */
export async function createAssociation(ctx: AppContext, rawInput: CreateAssociationInput, actorId: string | null): Promise<AssociationRow> {
  const input = createAssociationBodySchema.parse(rawInput);
  const events = new EventBatch();
  const outboxIds: string[] = [];
  const association = await ctx.db.transaction(async (tx) => {
    let ownerId = actorId;
    let welcome: { email: string; name: string; language: "fr" | "en" } | null = null;
    if (input.ownerEmail) {
      const existing = await findUserByEmail(tx, input.ownerEmail);
      const owner =
        existing ??
        (await insertUser(tx, {
          email: input.ownerEmail,
          displayName: input.ownerName ?? input.ownerEmail.split("@")[0]!,
          language: input.language,
        }));
      ownerId = owner.id;
      welcome = { email: owner.email, name: owner.displayName, language: owner.language };
    }
    const created = await insertAssociationWithOwner(tx, input, ownerId, actorId, events);
    if (welcome) {
      const outboxId = await queueMail(tx, {
        to: welcome.email,
        ...renderOwnerWelcomeMail({
          language: welcome.language,
          publicUrl: ctx.config.publicUrl,
          associationName: created.name,
          slug: created.slug,
          recipientName: welcome.name,
        }),
      });
      outboxIds.push(outboxId);
    }
    return created;
  });
  events.emit(ctx.events);
  await scheduleMailDelivery(ctx, outboxIds);
  return association;
}

/** Every association of the instance, by name, with member counts (instance administration and CLI). */
export async function listAllAssociations(ctx: AppContext, page: { q?: string; cursor?: string; limit: number }) {
  const rows = await listAssociationsWithCounts(ctx.db, { q: page.q, after: decodeNameCursor(page.cursor), limit: page.limit });
  const { items, nextCursor } = toPage(rows, page.limit, (r) => [r.sortName, r.id]);
  return {
    items: items.map(({ sortName: _, ...rest }) => rest),
    nextCursor,
  };
}

export async function getAssociationForActor(ctx: AppContext, actor: Actor, where: { id: string } | { slug: string }) {
  return presentAssociation(await getVisibleAssociation(ctx.db, actor, where));
}

/**
 * Branding is public when the association shows something publicly (a public sphere); otherwise only its own
 * members (and instance administrators) may read it. Everybody else gets NOT_FOUND.
 */
export async function getBrandingBySlug(ctx: AppContext, actor: Actor, slug: string) {
  const access = await findAssociationAccess(ctx.db, actor, { slug });
  if (!access) throw notFound("This association");
  if (!access.abilities["association.read"] && !(await hasPublicSphere(ctx.db, access.association.id))) throw notFound("This association");
  return presentBranding(access.association);
}

export async function updateAssociationSettings(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  body: z.output<typeof updateAssociationBodySchema>,
) {
  await getAssociationWithAbility(ctx.db, actor, associationId, "association.update");
  const changes = { ...body, ...(body.enabledModules ? { enabledModules: [...new Set(body.enabledModules)] } : {}) };
  await ctx.db.transaction(async (tx) => {
    await updateAssociationRow(tx, associationId, changes);
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: "association.updated",
      targetType: "association",
      targetId: associationId,
      data: changes,
    });
  });
  return presentAssociation(await getVisibleAssociation(ctx.db, actor, { id: associationId }));
}

export async function getCurrentCharter(ctx: AppContext, actor: Actor, associationId: string) {
  await getVisibleAssociation(ctx.db, actor, { id: associationId });
  const charter = await findCurrentCharter(ctx.db, associationId);
  if (!charter) throw notFound("The charter");
  return charter;
}

export async function publishCharter(ctx: AppContext, actor: Actor, associationId: string, body: string) {
  await getAssociationWithAbility(ctx.db, actor, associationId, "association.update");
  return ctx.db.transaction(async (tx) => {
    await lockAssociation(tx, associationId);
    const charter = await insertCharterVersion(tx, associationId, body, actorUserId(actor));
    await insertAuditRecord(tx, {
      associationId,
      actorId: actorUserId(actor),
      action: "charter.published",
      targetType: "charter",
      targetId: String(charter.version),
      data: { version: charter.version },
    });
    return charter;
  });
}

export async function listMyAssociations(ctx: AppContext, userId: string, page: { cursor?: string; limit: number }) {
  const rows = await listAssociationsOfUser(ctx.db, userId, { after: decodeNameCursor(page.cursor), limit: page.limit });
  const { items, nextCursor } = toPage(rows, page.limit, (r) => [r.sortName, r.id]);
  return {
    items: items.map((r) => ({ id: r.id, name: r.name, slug: r.slug, role: r.role, logoUrl: logoUrlOf(r.id, r.logoKey) })),
    nextCursor,
  };
}

