import type { AppContext } from "../../platform/app-context.js";
import { listReferencedAvatarKeys, purgeEmailTokens, purgeExpiredSessions } from "./accounts.repository.js";

export const ACCOUNTS_PURGE_JOB = "accounts.purge";

/** Expired sessions and spent e-mail tokens are deleted every hour: they can no longer serve, and they are personal data. */
export function registerAccountsJobs(ctx: AppContext): void {
  ctx.jobs.register(ACCOUNTS_PURGE_JOB, () => purgeAccountsLeftovers(ctx), { retryLimit: 2 });
  ctx.jobs.schedule(ACCOUNTS_PURGE_JOB, "17 * * * *");
  // Avatars (`users/<id>/avatar-<hash>.<ext>`, see avatar.service.ts) that no user points to are swept.
  ctx.storageSweep.register({
    prefix: "users/",
    pattern: /^users\/[^/]+\/avatar-[0-9a-f]+\.[a-z]+$/,
    referenced: (keys) => listReferencedAvatarKeys(ctx.db, keys),
  });
}

export async function purgeAccountsLeftovers(ctx: AppContext): Promise<void> {
  // A session that expired while a page stayed open: its socket closes like at a sign-out.
  const sessions = await purgeExpiredSessions(ctx.db, (ids) => ctx.realtime.disconnectSessions(ids));
  const emailTokens = await purgeEmailTokens(ctx.db);
  if (sessions + emailTokens > 0) ctx.logger.info({ sessions, emailTokens }, "purged expired sessions and e-mail tokens");
}
