import type { AppContext } from "../app-context.js";
import type { JobRun } from "../jobs/jobs.js";
import { createMailTransport, type MailTransport } from "./mail-transport.js";
import { findOutboxMessage, listStaleQueuedMessageIds, recordOutboxError, settleOutboxMessage } from "./outbox.repository.js";

export const MAIL_DELIVER_JOB = "mail.deliver";
export const MAIL_SWEEP_JOB = "mail.sweep";

/** A queued message older than this is assumed to have lost its delivery job (crash between commit and send). */
const STALE_AFTER_SECONDS = 60;
const SWEEP_BATCH = 500;

interface DeliverData {
  outboxId: string;
}

/**
 * The mail jobs: `mail.deliver` sends one outbox message (retried with backoff, then marked failed); without SMTP it
 * marks the message `stored`, where instance administrators read it. `mail.sweep`, every minute, re-sends the
 * delivery jobs of messages left queued.
 */
export function registerMailJobs(ctx: AppContext): void {
  let transport: MailTransport | null | undefined;
  const transportOf = () => (transport === undefined ? (transport = createMailTransport(ctx.config.smtpUrl, ctx.config.mailFrom)) : transport);
  ctx.jobs.register<DeliverData>(MAIL_DELIVER_JOB, (data, run) => deliverOutboxMessage(ctx, transportOf(), data.outboxId, run), {
    retryLimit: 6,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 120,
  });
  ctx.jobs.register(
    MAIL_SWEEP_JOB,
    async () => {
      await sweepQueuedMail(ctx);
    },
    { retryLimit: 0, expireInSeconds: 120 },
  );
  ctx.jobs.schedule(MAIL_SWEEP_JOB, "* * * * *");
}

/**
 * Asks for the delivery of messages that were queued (queueMail) in a transaction that has now committed.
 * Never throws: if the job cannot be sent now, the sweep sends it within a couple of minutes.
 */
export async function scheduleMailDelivery(ctx: AppContext, outboxIds: string | readonly string[]): Promise<void> {
  for (const outboxId of typeof outboxIds === "string" ? [outboxIds] : outboxIds) {
    try {
      // The job is named by the message: the sweep sending it again while it is pending does nothing.
      await ctx.jobs.send<DeliverData>(MAIL_DELIVER_JOB, { outboxId }, { id: outboxId });
    } catch (err) {
      ctx.logger.warn({ err, outboxId }, "mail delivery not scheduled now; the sweep will retry");
    }
  }
}

/** One run of `mail.deliver`. A failure before the last attempt throws, so that the job is retried. */
export async function deliverOutboxMessage(ctx: AppContext, transport: MailTransport | null, outboxId: string, run: JobRun): Promise<void> {
  const message = await findOutboxMessage(ctx.db, outboxId);
  if (!message || message.status !== "queued") return;
  if (!transport) {
    await settleOutboxMessage(ctx.db, outboxId, { status: "stored" });
    return;
  }
  try {
    await transport.send({ to: message.toAddress, subject: message.subject, text: message.text, html: message.html });
  } catch (err) {
    const error = err instanceof Error ? err.message.slice(0, 1_000) : String(err);
    if (run.isLastAttempt) {
      ctx.logger.error({ outboxId, error }, "mail could not be delivered; marked failed");
      await settleOutboxMessage(ctx.db, outboxId, { status: "failed", error });
      return;
    }
    await recordOutboxError(ctx.db, outboxId, error);
    throw err;
  }
  await settleOutboxMessage(ctx.db, outboxId, { status: "sent" });
}

/** Re-sends the delivery job of every message still queued after a minute; answers how many were found. */
export async function sweepQueuedMail(ctx: AppContext): Promise<number> {
  const ids = await listStaleQueuedMessageIds(ctx.db, STALE_AFTER_SECONDS, SWEEP_BATCH);
  await scheduleMailDelivery(ctx, ids);
  return ids.length;
}
