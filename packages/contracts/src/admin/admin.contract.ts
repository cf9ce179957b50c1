import { z } from "zod";
import { idSchema, isoDateTimeSchema } from "../common/common.contract.js";
import { pageSchema } from "../common/pagination.contract.js";

/** A message of the outbox: where mail goes when no SMTP server is configured (and a copy of every sent one). */
export const outboxMessageSummarySchema = z.object({
  id: idSchema,
  to: z.string(),
  subject: z.string(),
  status: z.enum(["queued", "sent", "stored", "failed"]),
  createdAt: isoDateTimeSchema,
});
export const outboxMessageSchema = outboxMessageSummarySchema.extend({ text: z.string(), html: z.string() });
export const outboxPageSchema = pageSchema(outboxMessageSummarySchema);
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["ok", "unreachable"]),
  version: z.string(),
});
