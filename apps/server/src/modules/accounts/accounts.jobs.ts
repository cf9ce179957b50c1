import type { AppContext } from "../../platform/app-context.js";
import { purgeEmailTokens, purgeExpiredSessions } from "./accounts.repository.js";

export const ACCOUNTS_PURGE_JOB = "accounts.purge";

/** Expired sessions and spent e-mail tokens are deleted every hour: they can no longer serve, and they are personal data. */
export function registerAccountsJobs(ctx: AppContext): void {
  ctx.jobs.register(ACCOUNTS_PURGE_JOB, () => purgeAccountsLeftovers(ctx), { retryLimit: 2 });
  ctx.jobs.schedule(ACCOUNTS_PURGE_JOB, "17 * * * *");
}

export async function purgeAccountsLeftovers(ctx: AppContext): Promise<void> {
  const sessions = await purgeExpiredSessions(ctx.db);
  const emailTokens = await purgeEmailTokens(ctx.db);
  if (sessions + emailTokens > 0) ctx.logger.info({ sessions, emailTokens }, "purged expired sessions and e-mail tokens");
}
