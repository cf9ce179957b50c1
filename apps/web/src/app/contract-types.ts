// Types the contracts declare only as schemas, inferred here (type-only: zod's runtime never reaches the bundle).
import type { z } from "zod";
import type {
  acceptInvitationResultSchema,
  adminAssociationSchema,
  charterSchema,
  emailInvitationsResultSchema,
  invitationPreviewSchema,
  joinedInvitationSchema,
  linkInvitationResultSchema,
  outboxMessageSummarySchema,
  associationBrandingSchema,
} from "@trame/contracts";

export type Charter = z.infer<typeof charterSchema>;
export type AdminAssociation = z.infer<typeof adminAssociationSchema>;
export type OutboxMessageSummary = z.infer<typeof outboxMessageSummarySchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export type AcceptInvitationResult = z.infer<typeof acceptInvitationResultSchema>;
export type JoinedInvitation = z.infer<typeof joinedInvitationSchema>;
export type LinkInvitationResult = z.infer<typeof linkInvitationResultSchema>;
export type EmailInvitationsResult = z.infer<typeof emailInvitationsResultSchema>;
export type AssociationBranding = z.infer<typeof associationBrandingSchema>;
