import type { AssociationLogo } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { insertAuditRecord } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/transaction.js";
import { notFound } from "../../platform/http/app-error.js";
import { processLogo } from "../../platform/images/image-processing.js";
import { newImageKey, removeImage, storeImage } from "../../platform/images/stored-image.js";
import { logoUrlOf } from "../../platform/storage/public-urls.js";
import { actorUserId, getAssociationWithAbility } from "./association-access.js";
import { swapAssociationLogoKey } from "./associations.repository.js";
import { getBrandedAssociation } from "./associations.service.js";

/**
 * Replaces the association's logo. The upload is read only once the actor is known to be allowed
 * (`association.update`: admins and owners), so nobody else can make the server receive and decode an image.
 */
export async function replaceAssociationLogo(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  readUpload: () => Promise<Buffer>,
): Promise<AssociationLogo> {
  await getAssociationWithAbility(ctx.db, actor, associationId, "association.update");
  const image = await processLogo(await readUpload());
  const key = newImageKey(`associations/${associationId}/logo`, image);
  const stored = await storeImage(ctx, key, image, (tx, k) => swapAndAudit(tx, actor, associationId, k, "association.logoChanged"));
  if (!stored) throw notFound("This association");
  return { logoUrl: logoUrlOf(associationId, key) };
}

export async function removeAssociationLogo(ctx: AppContext, actor: Actor, associationId: string): Promise<AssociationLogo> {
  await getAssociationWithAbility(ctx.db, actor, associationId, "association.update");
  const removed = await removeImage(ctx, (tx) => swapAndAudit(tx, actor, associationId, null, "association.logoRemoved"));
  if (!removed) throw notFound("This association");
  return { logoUrl: null };
}

/**
 * The storage key of the logo, for those who may see the association's branding (see getBrandedAssociation):
 * anybody once it shows a public sphere, since the logo appears on its public pages; otherwise its own people.
 */
export async function getAssociationLogoKey(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
): Promise<{ key: string | null; forAnyone: boolean }> {
  const { association, forAnyone } = await getBrandedAssociation(ctx, actor, { id: associationId });
  return { key: association.logoKey, forAnyone };
}

async function swapAndAudit(tx: Tx, actor: Actor, associationId: string, key: string | null, action: string) {
  const previous = await swapAssociationLogoKey(tx, associationId, key);
  // Removing a logo that was not there changes nothing, and leaves no trace.
  if (previous !== undefined && (key !== null || previous !== null)) {
    await insertAuditRecord(tx, { associationId, actorId: actorUserId(actor), action, targetType: "association", targetId: associationId });
  }
  return previous;
}
