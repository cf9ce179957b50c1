import { createHash, randomBytes } from "node:crypto";
import type { AppContext } from "../app-context.js";
import { runInTransaction, type Tx } from "../db/transaction.js";
import type { ProcessedImage } from "./image-processing.js";

/**
 * Where a row keeps the storage key of its image (associations.logo_key, users.avatar_key). Runs in the caller's
 * transaction: locks the row, points it at the new key (or null) and returns the key it held before; `undefined`
 * when the row does not exist.
 */
export type SwapImageKey = (tx: Tx, key: string | null) => Promise<string | null | undefined>;

type Services = Pick<AppContext, "db" | "events" | "storage" | "logger">;

/**
 * Stores an image, then points its row at it, then deletes the image it replaces — in that order, so the row never
 * points at a file that is not fully stored (ARCHITECTURE: "files before the row that points to them"). Every
 * upload gets a new key: deleting the replaced image can never remove the one now in use.
 * Returns false (and stores nothing for good) when the row does not exist.
 */
export async function storeImage(ctx: Services, key: string, image: ProcessedImage, swap: SwapImageKey): Promise<boolean> {
  await ctx.storage.put(key, image.data, { contentType: image.contentType });
  let previous: string | null | undefined;
  try {
    previous = await runInTransaction(ctx, (tx) => swap(tx, key));
  } catch (err) {
    await deleteQuietly(ctx, key);
    throw err;
  }
  if (previous === undefined) {
    await deleteQuietly(ctx, key);
    return false;
  }
  if (previous) await deleteQuietly(ctx, previous);
  return true;
}

/** Unsets the row's image, then deletes the file once that has committed. False when the row does not exist. */
export async function removeImage(ctx: Services, swap: SwapImageKey): Promise<boolean> {
  const previous = await runInTransaction(ctx, (tx) => swap(tx, null));
  if (previous === undefined) return false;
  if (previous) await deleteQuietly(ctx, previous);
  return true;
}

// A failed delete leaves an unreferenced file, never a broken image: it is logged, not turned into an error for
// a change that has already been made.
async function deleteQuietly(ctx: Services, key: string): Promise<void> {
  try {
    await ctx.storage.delete(key);
  } catch (err) {
    ctx.logger.warn({ err, key }, "could not delete a replaced image");
  }
}

/**
 * A new key for an image: `<prefix>-<hash>.webp`, the hash covering the content and a random nonce, so that even
 * the same picture uploaded twice gets two keys (see storeImage).
 */
export function newImageKey(prefix: string, image: ProcessedImage): string {
  const hash = createHash("sha256").update(randomBytes(16)).update(image.data).digest("hex").slice(0, 24);
  return `${prefix}-${hash}.${image.extension}`;
}
