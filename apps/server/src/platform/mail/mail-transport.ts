import nodemailer from "nodemailer";
import type { MailMessage } from "./mailer.js";

/** Hands a message to the SMTP server of SMTP_URL. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** nodemailer over SMTP_URL (options may ride in its query string, e.g. `?ignoreTLS=true`); null without SMTP. */
export function createMailTransport(smtpUrl: string | undefined, from: string): MailTransport | null {
  if (!smtpUrl) return null;
  const transporter = nodemailer.createTransport(smtpUrl, {
    from,
    // A stuck server must not hold a job forever: the job fails and is retried later.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({ to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
    close: () => transporter.close(),
  };
}
