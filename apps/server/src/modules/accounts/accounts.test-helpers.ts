import { desc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/app-context.js";
import { outboxMessages } from "../../platform/mail/mail.tables.js";

// Tests elsewhere (the storage sweep) point a user at an avatar file directly.
export { swapUserAvatarKey } from "./accounts.repository.js";

/** The newest outbox message sent to an address (tests read links the way an administrator would). */
export async function findLastMailTo(ctx: AppContext, to: string) {
  const [row] = await ctx.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, to))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  return row ?? null;
}

/** The token of the first link of a message's text (`?token=…`). */
export function tokenOfMail(text: string): string {
  const match = /[?&]token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no token link in:\n${text}`);
  return decodeURIComponent(match[1]);
}
