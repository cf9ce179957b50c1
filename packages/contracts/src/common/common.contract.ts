import { z } from "zod";
import { isSafeText, isTimeZoneName, unsafeTextMessage } from "./text.js";

export { isSafeText, isTimeZoneName, unsafeTextMessage };

/**
 * The base of every text a client sends: refuses NUL and unpaired surrogates (see text.ts). The server refuses them
 * in every input anyway, whatever the schema (platform/http/input-guard.ts); this keeps the contracts saying so.
 */
export const textSchema = z.string().refine(isSafeText, unsafeTextMessage);
/** An IANA time zone name ("Europe/Paris"). */
export const timeZoneSchema = textSchema.max(64).refine(isTimeZoneName, "an IANA time zone, like Europe/Paris");

export const idSchema = z.uuid();
export const languageSchema = z.enum(["fr", "en"]);
export type Language = z.infer<typeof languageSchema>;
export const isoDateTimeSchema = z.string();
export const okSchema = z.object({ ok: z.literal(true) });
export const slugSchema = textSchema
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single dashes");
export const emailSchema = textSchema.trim().max(254).pipe(z.email());
export const displayNameSchema = textSchema.trim().min(1).max(100);
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #1d4ed8");
