import type { AppContext } from "../../platform/app-context.js";
import { purgeInvitationConfirmations, purgeStaleInvitations } from "./invitations.repository.js";

export const INVITATIONS_PURGE_JOB = "invitations.purge";

/**
 * Once a day: invitations expired or revoked for 30 days hold an e-mail address and serve no one any more; nor do
 * e-mailed confirmations once expired (an hour) or used (kept a day, so that a second click finds them used).
 */
export function registerInvitationsJobs(ctx: AppContext): void {
  ctx.jobs.register(INVITATIONS_PURGE_JOB, () => purgeInvitations(ctx), { retryLimit: 2 });
  ctx.jobs.schedule(INVITATIONS_PURGE_JOB, "37 3 * * *");
}

export async function purgeInvitations(ctx: AppContext): Promise<void> {
  const invitations = await purgeStaleInvitations(ctx.db);
  const confirmations = await purgeInvitationConfirmations(ctx.db);
  if (invitations + confirmations > 0) ctx.logger.info({ invitations, confirmations }, "purged stale invitations");
}
