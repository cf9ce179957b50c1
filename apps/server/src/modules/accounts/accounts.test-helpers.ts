import { desc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/app-context.js";
import { outboxMessages } from "../../platform/mail/mail.tables.js";
import { emailTokens } from "./accounts.tables.js";
import { generateToken, hashToken } from "./session-tokens.js";

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

/**
 * A live e-mail link of an account, written as the service writes them (only the hash is stored); answers the raw
 * token. Tests make several at once this way, without going through the request routes and their limits.
 */
export async function issueEmailLink(ctx: AppContext, userId: string, purpose: "sign_in" | "password_reset"): Promise<string> {
  const token = generateToken();
  await ctx.db.insert(emailTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  });
  return token;
}
