import { z } from "zod";
import { displayNameSchema, emailSchema, idSchema, isoDateTimeSchema, languageSchema, textSchema } from "../common/common.contract.js";
import { pageSchema } from "../common/pagination.contract.js";

/** The password rule of QUALITY.md (CNIL): ≥ 12 characters from 4 classes, or a long passphrase. Checked again on the server. */
export const passwordSchema = textSchema.min(1).max(256);

export const instanceAbilitiesSchema = z.object({
  "instance.manage": z.boolean().optional(),
  "association.create": z.boolean().optional(),
  "association.listAll": z.boolean().optional(),
  "outbox.read": z.boolean().optional(),
});

export const meSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  language: languageSchema,
  isInstanceAdmin: z.boolean(),
  hasPassword: z.boolean(),
  avatarUrl: z.string().nullable(),
  abilities: instanceAbilitiesSchema,
});
export type Me = z.infer<typeof meSchema>;

export const sessionStateSchema = z.object({
  user: meSchema.nullable(),
  csrfToken: z.string(),
  setupRequired: z.boolean(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const signInBodySchema = z.strictObject({ email: emailSchema, password: textSchema.min(1).max(256) });
export const magicLinkRequestBodySchema = z.strictObject({ email: emailSchema });
export const tokenBodySchema = z.strictObject({ token: textSchema.min(10).max(200) });
export const passwordResetRequestBodySchema = z.strictObject({ email: emailSchema });
export const passwordResetCompleteBodySchema = z.strictObject({
  token: textSchema.min(10).max(200),
  password: passwordSchema,
});
export const updateProfileBodySchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  language: languageSchema.optional(),
});
export const changePasswordBodySchema = z.strictObject({
  currentPassword: textSchema.max(256).optional(),
  newPassword: passwordSchema,
});

export const userSessionSchema = z.object({
  id: z.string(),
  createdAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  isCurrent: z.boolean(),
});
export const userSessionPageSchema = pageSchema(userSessionSchema);
export type UserSession = z.infer<typeof userSessionSchema>;

export const myAssociationSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  role: z.enum(["owner", "admin", "member", "guest"]),
  logoUrl: z.string().nullable(),
});
export const myAssociationPageSchema = pageSchema(myAssociationSchema);
export type MyAssociation = z.infer<typeof myAssociationSchema>;

export const signOutOthersResultSchema = z.object({ signedOut: z.number().int() });
