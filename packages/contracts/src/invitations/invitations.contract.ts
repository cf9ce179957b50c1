import { z } from "zod";
import { displayNameSchema, emailSchema, idSchema, isoDateTimeSchema, textSchema } from "../common/common.contract.js";
import { pageSchema } from "../common/pagination.contract.js";
import { associationRoles, sphereRoles } from "../permissions/permissions.js";
import { passwordSchema } from "../accounts/accounts.contract.js";

export const invitationAssociationRoleSchema = z.enum(associationRoles).exclude(["owner"]);
export const invitationSphereRoleSchema = z.enum(sphereRoles).exclude(["manager"]);

/** Invite by e-mail: one address, or a pasted list (commas, semicolons, spaces or new lines). */
export const emailInvitationsBodySchema = z.strictObject({
  emails: textSchema.min(3).max(100_000),
  associationRole: invitationAssociationRoleSchema.default("member"),
  sphereId: idSchema.optional(),
  sphereRole: invitationSphereRoleSchema.default("member"),
  message: textSchema.trim().max(2_000).optional(),
});
export const emailInvitationsResultSchema = z.object({
  invited: z.array(z.string()),
  skipped: z.array(z.object({ value: z.string(), reason: z.enum(["invalid", "duplicate", "alreadyMember"]) })),
});

export const linkInvitationBodySchema = z.strictObject({
  associationRole: invitationAssociationRoleSchema.default("member"),
  sphereId: idSchema.optional(),
  sphereRole: invitationSphereRoleSchema.default("member"),
  expiresInDays: z.number().int().min(1).max(90).default(7),
  maxUses: z.number().int().min(1).max(10_000).default(50),
});
export const linkInvitationResultSchema = z.object({
  id: idSchema,
  url: z.string(),
  /** The link as a QR code, an SVG document. */
  qrSvg: z.string(),
  expiresAt: isoDateTimeSchema,
});

export const invitationSchema = z.object({
  id: idSchema,
  kind: z.enum(["email", "link"]),
  email: z.string().nullable(),
  associationRole: invitationAssociationRoleSchema,
  sphereId: idSchema.nullable(),
  sphereName: z.string().nullable(),
  sphereRole: invitationSphereRoleSchema,
  invitedByName: z.string().nullable(),
  expiresAt: isoDateTimeSchema,
  maxUses: z.number().int().nullable(),
  useCount: z.number().int(),
  revoked: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export const invitationPageSchema = pageSchema(invitationSchema);
/** Admins list every invitation (or one sphere's); sphere managers and moderators list their sphere's. */
export const invitationListQuerySchema = z.object({
  cursor: textSchema.max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  sphereId: idSchema.optional(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** What the invitee sees before accepting. */
export const invitationPreviewSchema = z.object({
  associationName: z.string(),
  associationSlug: z.string(),
  sphereName: z.string().nullable(),
  invitedByName: z.string().nullable(),
  kind: z.enum(["email", "link"]),
  /** For an e-mail invitation, the address it was sent to; the account is created for it. */
  email: z.string().nullable(),
  /** True when no account exists yet for the invited address (e-mail invitations) or the visitor is signed out. */
  needsAccount: z.boolean(),
});
export const acceptInvitationBodySchema = z.strictObject({
  /** Needed to create an account when signed out. */
  displayName: displayNameSchema.optional(),
  /** For a link invitation when signed out. */
  email: emailSchema.optional(),
  password: passwordSchema.optional(),
});
/** The invitation is accepted: where the person now belongs (the web app goes there). */
export const joinedInvitationSchema = z.object({
  outcome: z.literal("joined"),
  associationId: idSchema,
  associationSlug: z.string(),
  sphereId: idSchema.nullable(),
});
/**
 * Accepting answers `joined`, or `emailSent` for a link invitation accepted signed out: the typed address receives a
 * link that completes the acceptance (it creates the account, or signs into the one the address already has). The
 * answer is the same whether or not the address has an account: it must not tell who has one.
 */
export const acceptInvitationResultSchema = z.discriminatedUnion("outcome", [
  joinedInvitationSchema,
  z.object({ outcome: z.literal("emailSent") }),
]);
/** The token of the link mailed by an `emailSent` acceptance. */
export const confirmInvitationBodySchema = z.strictObject({ token: z.string().min(10).max(200) });
export const confirmInvitationResultSchema = joinedInvitationSchema;
