import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMessage {
  to: string[];
  /** The message as it crossed SMTP, quoted-printable undone (soft breaks joined, =XX decoded as UTF-8). */
  text: string;
}

export interface InboxServer {
  /** SMTP_URL for the application (plain text on a local port). */
  url: string;
  received: ReceivedMessage[];
  /** Waits for a message to `to` that contains a link with `pathPart`, and returns that link. */
  waitForLink(to: string, pathPart: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/** A real SMTP server in the journey's process: what the application sends arrives here, as in a mailbox. */
export async function startInboxServer(): Promise<InboxServer> {
  const received: ReceivedMessage[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          text: undoQuotedPrintable(Buffer.concat(chunks).toString("utf8")),
        });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;

  const findLink = (to: string, pathPart: string): string | undefined => {
    for (const message of received) {
      if (!message.to.includes(to.toLowerCase())) continue;
      const link = message.text.match(/https?:\/\/[^\s<>"')]+/g)?.find((url) => url.includes(pathPart));
      if (link) return link.replace(/&amp;/g, "&");
    }
    return undefined;
  };

  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    waitForLink(to, pathPart, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const link = findLink(to, pathPart);
          if (!link) return;
          cleanup();
          resolve(link);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No mail to ${to} with a link containing ${pathPart} within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function undoQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "");
  return joined.replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ""), "hex").toString("utf8"));
}
