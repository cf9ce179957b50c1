import type { AppContext } from "../../platform/app-context.js";
import { listReferencedLogoKeys } from "./associations.repository.js";

/** Logos (`associations/<id>/logo-<hash>.<ext>`, see association-logo.service.ts) that no association points to are swept. */
export function registerAssociationsJobs(ctx: AppContext): void {
  ctx.storageSweep.register({
    prefix: "associations/",
    pattern: /^associations\/[^/]+\/logo-[0-9a-f]+\.[a-z]+$/,
    referenced: (keys) => listReferencedLogoKeys(ctx.db, keys),
  });
}
