import { z } from "zod";

export const idSchema = z.uuid();
export const languageSchema = z.enum(["fr", "en"]);
export type Language = z.infer<typeof languageSchema>;
export const isoDateTimeSchema = z.string();
export const okSchema = z.object({ ok: z.literal(true) });
export const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single dashes");
export const emailSchema = z.string().trim().max(254).pipe(z.email());
export const displayNameSchema = z.string().trim().min(1).max(100);
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #1d4ed8");
