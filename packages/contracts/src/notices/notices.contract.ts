import { z } from "zod";
import { idSchema, isoDateTimeSchema } from "../common/common.contract.js";
import { creationRequestStatusSchema, joinRequestStatusSchema } from "../spheres/spheres.contract.js";

/**
 * Notices: what waits for the actor's decision, and what became of their own requests. Read by the badges of the
 * web app today; the notifications centre (feed) will read the same things later.
 */

/** At most this many spheres are named in the pending counts; `total` still counts them all. */
export const PENDING_SPHERES_LISTED = 100;

export const pendingReviewsSchema = z.object({
  /** Pending requests to join the spheres whose requests the actor reviews (managers, moderators, admins). */
  joinRequests: z.object({
    total: z.number().int(),
    spheres: z.array(z.object({ sphereId: idSchema, sphereName: z.string(), count: z.number().int() })),
  }),
  /** Pending requests to create a sphere, for those who review them (association admins); 0 for the others. */
  creationRequests: z.number().int(),
});
export type PendingReviews = z.infer<typeof pendingReviewsSchema>;

/** How long a decided request stays among "my requests". */
export const MY_REQUESTS_DAYS = 30;

export const myRequestSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("join"),
    id: idSchema,
    sphereId: idSchema,
    sphereName: z.string(),
    status: joinRequestStatusSchema,
    /** The reviewer's reason, for the requester only. */
    decisionReason: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    decidedAt: isoDateTimeSchema.nullable(),
  }),
  z.object({
    kind: z.literal("creation"),
    id: idSchema,
    /** The name asked for. */
    sphereName: z.string(),
    /** The sphere created (approved) or pointed to (redirected). */
    sphereId: idSchema.nullable(),
    status: creationRequestStatusSchema,
    decisionReason: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    decidedAt: isoDateTimeSchema.nullable(),
  }),
]);
export type MyRequest = z.infer<typeof myRequestSchema>;
/** The actor's pending requests and those decided in the last MY_REQUESTS_DAYS days, newest first (at most 20). */
export const myRequestsSchema = z.object({ items: z.array(myRequestSchema) });
