import { z } from "zod";
import { idSchema, isoDateTimeSchema, textSchema } from "../common/common.contract.js";
import { pageSchema, searchPageQuerySchema } from "../common/pagination.contract.js";
import { sphereRoles, sphereVisibilities, spherePermissions } from "../permissions/permissions.js";

export const sphereVisibilitySchema = z.enum(sphereVisibilities);
export const sphereRoleSchema = z.enum(sphereRoles);
export const sphereAbilitiesSchema = z.partialRecord(z.enum(spherePermissions), z.boolean());
export type SphereAbilities = z.infer<typeof sphereAbilitiesSchema>;

export const sphereNameSchema = textSchema.trim().min(2).max(120);
export const sphereDescriptionSchema = textSchema.trim().max(5_000);

/** One row of the sphere directory. */
export const sphereSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  visibility: sphereVisibilitySchema,
  parentId: idSchema.nullable(),
  memberCount: z.number().int(),
  archived: z.boolean(),
  myRole: sphereRoleSchema.nullable(),
  hasPendingRequest: z.boolean(),
});
export const sphereSummaryPageSchema = pageSchema(sphereSummarySchema);
export type SphereSummary = z.infer<typeof sphereSummarySchema>;

export const sphereDirectoryQuerySchema = searchPageQuerySchema.extend({
  /** `mine`: only spheres I belong to. */
  mine: z.enum(["true", "false"]).optional(),
  parentId: idSchema.optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
});

export const sphereSchema = sphereSummarySchema.extend({
  associationId: idSchema,
  /** Null when there is no parent, or when the actor may not see it (a secret parent is never named). */
  parentName: z.string().nullable(),
  /** The actor's own pending request to join, which they may cancel; null when there is none. */
  myPendingRequestId: idSchema.nullable(),
  createdAt: isoDateTimeSchema,
  archivedAt: isoDateTimeSchema.nullable(),
  abilities: sphereAbilitiesSchema,
});
export type Sphere = z.infer<typeof sphereSchema>;

export const createSphereBodySchema = z.strictObject({
  name: sphereNameSchema,
  description: sphereDescriptionSchema.default(""),
  visibility: sphereVisibilitySchema.default("private"),
  parentId: idSchema.optional(),
});
export const updateSphereBodySchema = z.strictObject({
  name: sphereNameSchema.optional(),
  description: sphereDescriptionSchema.optional(),
  visibility: sphereVisibilitySchema.optional(),
});
/** Deleting asks the person to type the sphere's name, like a confirmation dialog does. */
export const deleteSphereBodySchema = z.strictObject({ confirmName: textSchema.max(200) });

export const sphereMemberSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  role: sphereRoleSchema,
  joinedAt: isoDateTimeSchema,
  avatarUrl: z.string().nullable(),
});
export const sphereMemberPageSchema = pageSchema(sphereMemberSchema);
export type SphereMember = z.infer<typeof sphereMemberSchema>;
export const changeSphereRoleBodySchema = z.strictObject({ role: sphereRoleSchema });
export const addSphereMemberBodySchema = z.strictObject({ userId: idSchema, role: sphereRoleSchema.default("member") });

export const joinRequestBodySchema = z.strictObject({ message: textSchema.trim().max(1_000).default("") });
export const joinRequestStatusSchema = z.enum(["pending", "approved", "refused", "cancelled"]);
export const sphereJoinRequestSchema = z.object({
  id: idSchema,
  sphereId: idSchema,
  userId: idSchema,
  displayName: z.string(),
  message: z.string(),
  status: joinRequestStatusSchema,
  createdAt: isoDateTimeSchema,
});
export const sphereJoinRequestPageSchema = pageSchema(sphereJoinRequestSchema);
export type SphereJoinRequest = z.infer<typeof sphereJoinRequestSchema>;
/** Reviewers list requests by status, newest first (pending by default). */
export const joinRequestListQuerySchema = z.object({
  cursor: textSchema.max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: joinRequestStatusSchema.default("pending"),
});
export const decideJoinRequestBodySchema = z.strictObject({
  decision: z.enum(["approve", "refuse"]),
  reason: textSchema.trim().max(1_000).optional(),
});

/** Sphere creation governed by the association: requests reviewed by admins (against redundant spheres). */
export const creationRequestStatusSchema = z.enum(["pending", "approved", "refused", "redirected"]);
export const sphereCreationRequestSchema = z.object({
  id: idSchema,
  requestedBy: idSchema,
  requesterName: z.string(),
  name: z.string(),
  description: z.string(),
  visibility: sphereVisibilitySchema,
  parentId: idSchema.nullable(),
  reason: z.string(),
  status: creationRequestStatusSchema,
  decisionReason: z.string().nullable(),
  existingSphereId: idSchema.nullable(),
  createdSphereId: idSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export const sphereCreationRequestPageSchema = pageSchema(sphereCreationRequestSchema);
export type SphereCreationRequest = z.infer<typeof sphereCreationRequestSchema>;
export const createSphereCreationRequestBodySchema = createSphereBodySchema.extend({
  reason: textSchema.trim().max(2_000).default(""),
});
export const decideCreationRequestBodySchema = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("approve") }),
  z.strictObject({ decision: z.literal("refuse"), reason: textSchema.trim().min(1).max(2_000) }),
  z.strictObject({
    decision: z.literal("redirect"),
    existingSphereId: idSchema,
    reason: textSchema.trim().max(2_000).optional(),
  }),
]);
export const creationRequestListQuerySchema = z.object({
  cursor: textSchema.max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: creationRequestStatusSchema.optional(),
});
