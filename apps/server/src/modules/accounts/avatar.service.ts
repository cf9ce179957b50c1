import type { Avatar } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import { notFound } from "../../platform/http/app-error.js";
import { processAvatar } from "../../platform/images/image-processing.js";
import { newImageKey, removeImage, storeImage } from "../../platform/images/stored-image.js";
import { avatarUrlOf } from "../../platform/storage/public-urls.js";
import { findUserAvatarKey, swapUserAvatarKey } from "./accounts.repository.js";

/** Replaces one's own avatar (cropped to 256×256, metadata dropped). */
export async function replaceAvatar(ctx: AppContext, userId: string, upload: Buffer): Promise<Avatar> {
  const image = await processAvatar(upload);
  const key = newImageKey(`users/${userId}/avatar`, image);
  if (!(await storeImage(ctx, key, image, (tx, k) => swapUserAvatarKey(tx, userId, k)))) throw notFound("This account");
  return { avatarUrl: avatarUrlOf(userId, key) };
}

export async function removeAvatar(ctx: AppContext, userId: string): Promise<Avatar> {
  if (!(await removeImage(ctx, (tx) => swapUserAvatarKey(tx, userId, null)))) throw notFound("This account");
  return { avatarUrl: null };
}

/**
 * The storage key of someone's avatar, or null. An id nobody has answers null too: the route's 404 is then the same
 * for "no avatar" and "no such person", and does not tell which ids are accounts.
 */
export async function getAvatarKey(ctx: AppContext, userId: string): Promise<string | null> {
  return (await findUserAvatarKey(ctx.db, userId)) ?? null;
}
