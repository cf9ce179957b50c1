import type { z } from "zod";
import {
  createAssociationBodySchema,
  type updateAssociationBodySchema,
} from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import { toPage } from "../../platform/db/cursor.js";
import { runInTransaction, type DbOrTx } from "../../platform/db/transaction.js";
import { AppError, notFound, validationFailed } from "../../platform/http/app-error.js";
import { scheduleMailDelivery } from "../../platform/mail/mail-delivery.js";
import { queueMail } from "../../platform/mail/mailer.js";
import { findUserByEmail, insertUser } from "../accounts/accounts.public.js";
import { hasPublicSphere } from "../spheres/spheres.public.js";
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
import type { EventBatch } from "../../platform/events/event-batch.js";
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
  // The mail to schedule comes back with the result: only the attempt that committed queued it.
  const { association, outboxIds } = await runInTransaction(ctx, async (tx, events) => {
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
    const outboxIds: string[] = [];
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
    return { association: created, outboxIds };
  });
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
 * Branding (name, colours, logo) is public when the association shows something publicly (a public sphere);
 * otherwise only those who may see the association (its members and guests, instance administrators) may read
 * it. Everybody else gets NOT_FOUND, exactly as for an association that does not exist. `forAnyone` says that it
 * was shown on the ground that anybody may see it (so shared caches may keep it).
 */
export async function getBrandedAssociation(
  ctx: AppContext,
  actor: Actor,
  where: { id: string } | { slug: string },
): Promise<{ association: AssociationRow; forAnyone: boolean }> {
  const access = await findAssociationAccess(ctx.db, actor, where);
  if (!access) throw notFound("This association");
  if (access.abilities["association.read"]) return { association: access.association, forAnyone: false };
  if (await hasPublicSphere(ctx.db, access.association.id)) return { association: access.association, forAnyone: true };
  throw notFound("This association");
}

export async function getBrandingBySlug(ctx: AppContext, actor: Actor, slug: string) {
  return presentBranding((await getBrandedAssociation(ctx, actor, { slug })).association);
}

export async function updateAssociationSettings(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  body: z.output<typeof updateAssociationBodySchema>,
) {
  await getAssociationWithAbility(ctx.db, actor, associationId, "association.update");
  const changes = { ...body, ...(body.enabledModules ? { enabledModules: [...new Set(body.enabledModules)] } : {}) };
  await runInTransaction(ctx, async (tx) => {
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
  return runInTransaction(ctx, async (tx) => {
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

