import { z } from "zod";
import { textSchema } from "../common/common.contract.js";

// The limits live in a zod-free file so the web app can use them without zod's runtime in its first download.
export { acceptedImageTypes, imageUploadField, maxImageUploadBytes, maxImageUploadPixels } from "./image-limits.js";

export const associationLogoSchema = z.object({ logoUrl: z.string().nullable() });
export type AssociationLogo = z.infer<typeof associationLogoSchema>;

export const avatarSchema = z.object({ avatarUrl: z.string().nullable() });
export type Avatar = z.infer<typeof avatarSchema>;

/** `v` changes with the image; with it, the answer may be cached for good. */
export const imageVersionQuerySchema = z.object({ v: textSchema.max(64).optional() });
