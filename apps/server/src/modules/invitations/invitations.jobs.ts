import type { AppContext } from "../../platform/app-context.js";
import { purgeStaleInvitations } from "./invitations.repository.js";

export const INVITATIONS_PURGE_JOB = "invitations.purge";

/** Once a day: invitations expired or revoked for 30 days hold an e-mail address and serve no one any more. */
export function registerInvitationsJobs(ctx: AppContext): void {
  ctx.jobs.register(INVITATIONS_PURGE_JOB, () => purgeInvitations(ctx), { retryLimit: 2 });
  ctx.jobs.schedule(INVITATIONS_PURGE_JOB, "37 3 * * *");
}

export async function purgeInvitations(ctx: AppContext): Promise<void> {
  const invitations = await purgeStaleInvitations(ctx.db);
  if (invitations > 0) ctx.logger.info({ invitations }, "purged stale invitations");
}
