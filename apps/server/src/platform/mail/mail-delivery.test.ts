import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { startTestSmtpServer, type TestSmtpServer } from "../../test/smtp-test-server.js";
import { deliverOutboxMessage, scheduleMailDelivery, sweepQueuedMail } from "./mail-delivery.js";
import { createMailTransport } from "./mail-transport.js";
import { outboxMessages } from "./mail.tables.js";
import { queueMail } from "./mailer.js";
import { findOutboxMessage } from "./outbox.repository.js";

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const message = (to: string) => ({ to, subject: "Réunion de bureau", text: "Bonjour,\n\nÀ jeudi.\n", html: "<p>Bonjour,</p><p>À jeudi.</p>" });

describe("mail delivery", () => {
  // Two nodes running jobs: one with an SMTP server, one without. Runs of the job itself are also called directly.
  let smtp: TestSmtpServer;
  let refusing: TestSmtpServer;
  let withSmtp: TestApp;
  let withoutSmtp: TestApp;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    refusing = await startTestSmtpServer({ refuse: true });
    withSmtp = await createTestApp({ JOBS_ENABLED: "true", SMTP_URL: smtp.url, MAIL_FROM: "Trame <trame@asso.example.org>" });
    withoutSmtp = await createTestApp({ JOBS_ENABLED: "true" });
  });
  afterAll(async () => {
    await withSmtp?.close();
    await withoutSmtp?.close();
    await smtp?.close();
    await refusing?.close();
  });
  const receivedBy = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  it("sends a queued message through the SMTP server of SMTP_URL and marks it sent", async () => {
    const t = withSmtp;
    const id = await queueMail(t.ctx.db, message("claire@example.org"));
    await scheduleMailDelivery(t.ctx, id);

    const row = await eventually(() => findOutboxMessage(t.ctx.db, id), (r) => r?.status === "sent");
    expect(row!.sentAt).not.toBeNull();
    expect(row!.error).toBeNull();
    expect(receivedBy("claire@example.org")).toHaveLength(1);
    const mail = receivedBy("claire@example.org")[0]!;
    expect(mail.to).toEqual(["claire@example.org"]);
    expect(mail.from).toBe("trame@asso.example.org");
    expect(mail.decoded).toContain("À jeudi.");
    expect(mail.decoded).toContain("<p>À jeudi.</p>");
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
  });

  it("without SMTP, keeps the message in the outbox as stored", async () => {
    const t = withoutSmtp;
    const id = await queueMail(t.ctx.db, message("denis@example.org"));
    await scheduleMailDelivery(t.ctx, id);
    const row = await eventually(() => findOutboxMessage(t.ctx.db, id), (r) => r?.status === "stored");
    expect(row).toMatchObject({ toAddress: "denis@example.org", text: message("").text, sentAt: null });
  });

  it("keeps the error and the message queued while retries remain, then marks it failed", async () => {
    const t = withoutSmtp;
    const transport = createMailTransport(refusing.url, "Trame <trame@example.org>");
    const id = await queueMail(t.ctx.db, message("refused@example.org"));

    await expect(deliverOutboxMessage(t.ctx, transport, id, { id: "run-1", attempt: 1, isLastAttempt: false })).rejects.toThrow();
    const retrying = await findOutboxMessage(t.ctx.db, id);
    expect(retrying).toMatchObject({ status: "queued" });
    expect(retrying!.error).toMatch(/550|unavailable/i);

    await deliverOutboxMessage(t.ctx, transport, id, { id: "run-2", attempt: 2, isLastAttempt: true });
    const failed = await findOutboxMessage(t.ctx.db, id);
    expect(failed).toMatchObject({ status: "failed", sentAt: null });
    expect(failed!.error).toMatch(/550|unavailable/i);
    transport?.close();
  });

  it("sends a settled message no more: a second run of its job does nothing", async () => {
    const t = withSmtp;
    const transport = createMailTransport(smtp.url, "Trame <trame@example.org>");
    const id = await queueMail(t.ctx.db, message("once@example.org"));
    await deliverOutboxMessage(t.ctx, transport, id, { id: "a", attempt: 1, isLastAttempt: false });
    await deliverOutboxMessage(t.ctx, transport, id, { id: "b", attempt: 1, isLastAttempt: false });
    expect(receivedBy("once@example.org")).toHaveLength(1);
    expect((await findOutboxMessage(t.ctx.db, id))!.status).toBe("sent");
    transport?.close();
  });

  it("re-sends the delivery of messages left queued for over a minute (their job lost in a crash), not of fresh ones", async () => {
    const t = withoutSmtp;
    // Queued, but the process "died" before scheduling the delivery.
    const lost = await queueMail(t.ctx.db, message("lost@example.org"));
    const fresh = await queueMail(t.ctx.db, message("fresh@example.org"));
    await t.ctx.db
      .update(outboxMessages)
      .set({ createdAt: sql`now() - interval '2 minutes'` })
      .where(eq(outboxMessages.id, lost));

    // 1, or 0 if this node's every-minute sweep happened to take it an instant before.
    expect(await sweepQueuedMail(t.ctx)).toBeLessThanOrEqual(1);
    await eventually(() => findOutboxMessage(t.ctx.db, lost), (r) => r?.status === "stored");
    expect((await findOutboxMessage(t.ctx.db, fresh))!.status).toBe("queued");
  });
});
