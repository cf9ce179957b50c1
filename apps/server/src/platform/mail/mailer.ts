import type { DbOrTx } from "../db/transaction.js";
import { outboxMessages } from "./mail.tables.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Queues a message: one outbox row, written in the caller's transaction (no mail for an action that rolled back,
 * no action whose mail is lost). Delivery happens afterwards, by a job (see mail-delivery.ts).
 * Returns the outbox id.
 */
export async function queueMail(db: DbOrTx, message: MailMessage): Promise<string> {
  const [row] = await db
    .insert(outboxMessages)
    .values({ toAddress: message.to, subject: message.subject, text: message.text, html: message.html, status: "queued" })
    .returning({ id: outboxMessages.id });
  return row!.id;
}
