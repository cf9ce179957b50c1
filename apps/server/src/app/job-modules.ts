import type { AppContext } from "../platform/app-context.js";
import { registerMailJobs } from "../platform/mail/mail-delivery.js";
import { registerStorageSweepJobs } from "../platform/storage/storage-sweep.js";
import { registerAccountsJobs } from "../modules/accounts/accounts.jobs.js";
import { registerAssociationsJobs } from "../modules/associations/associations.jobs.js";
import { registerInvitationsJobs } from "../modules/invitations/invitations.jobs.js";

/**
 * Registers a module's background jobs: `ctx.jobs.register(name, handler)` and `ctx.jobs.schedule(name, cron)`,
 * and the key spaces of the files its rows point to (`ctx.storageSweep.register`).
 * Called on every node while the context is built (a node that does not run jobs still needs the queues to send to).
 */
export type RegisterJobs = (ctx: AppContext) => void;

/** Every module's jobs, in one list: adding a module is one line here. */
export const jobModules: RegisterJobs[] = [
  registerMailJobs,
  registerStorageSweepJobs,
  registerAccountsJobs,
  registerAssociationsJobs,
  registerInvitationsJobs,
];
