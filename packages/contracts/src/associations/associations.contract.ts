import { z } from "zod";
import { colorSchema, displayNameSchema, emailSchema, idSchema, isoDateTimeSchema, languageSchema, slugSchema, textSchema, timeZoneSchema } from "../common/common.contract.js";
import { pageSchema } from "../common/pagination.contract.js";
import { associationPermissions, associationRoles, sphereCreationPolicies } from "../permissions/permissions.js";

import { moduleNames } from "./module-names.js";

export { moduleNames };
export const moduleNameSchema = z.enum(moduleNames);
export type ModuleName = z.infer<typeof moduleNameSchema>;

export const associationRoleSchema = z.enum(associationRoles);
export const sphereCreationPolicySchema = z.enum(sphereCreationPolicies);

export const associationAbilitiesSchema = z.partialRecord(z.enum(associationPermissions), z.boolean());
export type AssociationAbilities = z.infer<typeof associationAbilitiesSchema>;

export const associationSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  parentId: idSchema.nullable(),
  language: languageSchema,
  timeZone: z.string(),
  primaryColor: colorSchema,
  accentColor: colorSchema,
  logoUrl: z.string().nullable(),
  enabledModules: z.array(moduleNameSchema),
  sphereCreationPolicy: sphereCreationPolicySchema,
  charterVersion: z.number().int().nullable(),
  createdAt: isoDateTimeSchema,
  myRole: associationRoleSchema.nullable(),
  abilities: associationAbilitiesSchema,
});
export type Association = z.infer<typeof associationSchema>;

/** Public branding, readable without an account (sign-in page, public spheres). */
export const associationBrandingSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  primaryColor: colorSchema,
  accentColor: colorSchema,
  logoUrl: z.string().nullable(),
});

export const updateAssociationBodySchema = z.strictObject({
  name: textSchema.trim().min(2).max(120).optional(),
  language: languageSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  primaryColor: colorSchema.optional(),
  accentColor: colorSchema.optional(),
  enabledModules: z.array(moduleNameSchema).max(moduleNames.length).optional(),
  sphereCreationPolicy: sphereCreationPolicySchema.optional(),
});

export const charterSchema = z.object({
  version: z.number().int(),
  body: z.string(),
  createdAt: isoDateTimeSchema,
});
export const publishCharterBodySchema = z.strictObject({ body: textSchema.trim().min(1).max(50_000) });

export const associationMemberSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  /** Only present for those allowed `associationMember.viewEmail` (association admins). */
  email: z.string().nullable(),
  role: associationRoleSchema,
  joinedAt: isoDateTimeSchema,
  avatarUrl: z.string().nullable(),
});
export const associationMemberPageSchema = pageSchema(associationMemberSchema);
export type AssociationMember = z.infer<typeof associationMemberSchema>;

export const changeAssociationRoleBodySchema = z.strictObject({ role: associationRoleSchema });

export const auditEntrySchema = z.object({
  id: idSchema,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDateTimeSchema,
});
export const auditPageSchema = pageSchema(auditEntrySchema);
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Instance administration. */
export const createAssociationBodySchema = z.strictObject({
  name: textSchema.trim().min(2).max(120),
  slug: slugSchema,
  parentId: idSchema.optional(),
  language: languageSchema.default("fr"),
  timeZone: timeZoneSchema.default("Europe/Paris"),
  ownerEmail: emailSchema.optional(),
  ownerName: displayNameSchema.optional(),
});
export const adminAssociationSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  parentId: idSchema.nullable(),
  memberCount: z.number().int(),
  createdAt: isoDateTimeSchema,
});
export const adminAssociationPageSchema = pageSchema(adminAssociationSchema);
