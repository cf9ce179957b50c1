import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every outgoing message is written here first (in the transaction that caused it), then sent by a job.
 * Without SMTP the message stays here with status `stored`, readable by instance administrators.
 * Instance-level on purpose: it is not an association's data, and only instance admins read it.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    status: text("status", { enum: ["queued", "sent", "stored", "failed"] }).notNull().default("queued"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("outbox_messages_created_idx").on(t.createdAt.desc(), t.id), index("outbox_messages_to_idx").on(t.toAddress)],
);
