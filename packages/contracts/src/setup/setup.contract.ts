import { z } from "zod";
import { displayNameSchema, emailSchema, idSchema, languageSchema, slugSchema, textSchema, timeZoneSchema } from "../common/common.contract.js";
import { meSchema, passwordSchema } from "../accounts/accounts.contract.js";

export const setupStatusSchema = z.object({ required: z.boolean() });

/** First start: creates the instance administrator and the first association in one transaction. */
export const setupBodySchema = z.strictObject({
  admin: z.strictObject({
    email: emailSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    language: languageSchema.default("fr"),
  }),
  association: z.strictObject({
    name: textSchema.trim().min(2).max(120),
    slug: slugSchema,
    language: languageSchema.default("fr"),
    timeZone: timeZoneSchema.default("Europe/Paris"),
  }),
});
export type SetupBody = z.infer<typeof setupBodySchema>;

/**
 * What a successful set-up answers: the administrator, now signed in (a Me, like GET /session's user), and where to
 * go next (the first association).
 */
export const setupResultSchema = z.object({
  user: meSchema,
  association: z.object({ id: idSchema, name: z.string(), slug: z.string() }),
});
export type SetupResult = z.infer<typeof setupResultSchema>;
