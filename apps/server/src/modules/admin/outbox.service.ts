import type { z } from "zod";
import type { OutboxMessage, outboxMessageSummarySchema, Page } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import { decodeTimestampCursor, toTimestampPage } from "../../platform/db/timestamp-cursor.js";
import { notFound } from "../../platform/http/app-error.js";
import { findOutboxMessage, listOutboxMessages } from "../../platform/mail/outbox.repository.js";

type OutboxSummary = z.infer<typeof outboxMessageSummarySchema>;

/** The outbox, newest first: where mail waits or stays when no SMTP server is configured. */
export async function listOutbox(ctx: AppContext, query: { cursor?: string; limit: number }): Promise<Page<OutboxSummary>> {
  const rows = await listOutboxMessages(ctx.db, { limit: query.limit, after: decodeTimestampCursor(query.cursor) });
  const page = toTimestampPage(rows, query.limit);
  return {
    items: page.rows.map((r) => ({ id: r.id, to: r.toAddress, subject: r.subject, status: r.status, createdAt: r.createdAt })),
    nextCursor: page.nextCursor,
  };
}

export async function getOutboxMessage(ctx: AppContext, messageId: string): Promise<OutboxMessage> {
  const row = await findOutboxMessage(ctx.db, messageId);
  if (!row) throw notFound("This message");
  return { id: row.id, to: row.toAddress, subject: row.subject, status: row.status, createdAt: row.createdAt, text: row.text, html: row.html };
}
