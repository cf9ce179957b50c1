import { z } from "zod";
import { colorSchema, displayNameSchema, emailSchema, idSchema, isoDateTimeSchema, languageSchema, slugSchema, textSchema, timeZoneSchema } from "../common/common.contract.js";
import { pageQuerySchema, pageSchema, searchPageQuerySchema } from "../common/pagination.contract.js";
import { associationPermissions, associationRoles, sphereCreationPolicies } from "../permissions/permissions.js";

import { moduleNames } from "./module-names.js";
import { auditActions } from "./audit-actions.js";

export { moduleNames, auditActions };
export type { AuditAction } from "./audit-actions.js";
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
/** The members list: search by name, filter by role. */
export const associationMemberQuerySchema = searchPageQuerySchema.extend({ role: associationRoleSchema.optional() });
export type AssociationMember = z.infer<typeof associationMemberSchema>;

export const changeAssociationRoleBodySchema = z.strictObject({ role: associationRoleSchema });


/**
 * One line of the audit log, with the names it talks about resolved by the server: who did it (actor), to whom
 * (target person: the member concerned, the requester), and where (the sphere). A name is null when the person or
 * the sphere no longer exists; `data` keeps what was recorded then (old and new values: `from`, `to`).
 */
export const auditEntrySchema = z.object({
  id: idSchema,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetUserId: idSchema.nullable(),
  targetName: z.string().nullable(),
  sphereId: idSchema.nullable(),
  sphereName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDateTimeSchema,
});
export const auditPageSchema = pageSchema(auditEntrySchema);
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Filters of the audit log: an action, the person who acted, a period of days (inclusive, the association's time zone). */
// A calendar day; year 0 passes ISO 8601 but not PostgreSQL's date type.
const auditDaySchema = z.iso.date().refine((day) => !day.startsWith("0000"), "a day from year 1 on");
export const auditFilterSchema = z.object({
  action: z.enum(auditActions).optional(),
  actorId: idSchema.optional(),
  from: auditDaySchema.optional(),
  to: auditDaySchema.optional(),
});
export const auditQuerySchema = pageQuerySchema.extend(auditFilterSchema.shape);
export type AuditFilter = z.infer<typeof auditFilterSchema>;

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
