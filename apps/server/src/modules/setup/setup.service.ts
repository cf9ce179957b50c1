import { sql } from "drizzle-orm";
import type { SetupBody } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import { AppError, conflict } from "../../platform/http/app-error.js";
import {
  assertPasswordAcceptable,
  hashPassword,
  hasInstanceAdmin,
  insertUser,
  isEmailTakenError,
  type UserRow,
} from "../accounts/accounts.public.js";
import { insertAssociationWithOwner, type AssociationRow } from "../associations/associations.public.js";
import { runInTransaction } from "../../platform/db/transaction.js";

// Any constant will do, as long as nothing else uses it: the set-up's advisory lock key.
const SETUP_LOCK_KEY = 7_424_511;

export const setupAlreadyDone = () =>
  new AppError("SETUP_ALREADY_DONE", "This instance is already set up: sign in with the administrator's account.");

/**
 * First start: the instance administrator and the first association (owned by them), in one transaction.
 * Two set-ups racing each other are serialised by an advisory lock; the second finds an administrator and stops.
 */
export async function completeSetup(ctx: AppContext, body: SetupBody): Promise<{ user: UserRow; association: AssociationRow }> {
  if (await hasInstanceAdmin(ctx.db)) throw setupAlreadyDone();
  assertPasswordAcceptable(body.admin.password, "admin.password");
  // Hashing is slow on purpose: done before the transaction, so the lock is held only for the inserts.
  const passwordHash = await hashPassword(body.admin.password);
  const result = await runInTransaction(ctx, async (tx, events) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if (await hasInstanceAdmin(tx)) throw setupAlreadyDone();
    let user: UserRow;
    try {
      user = await insertUser(tx, {
        email: body.admin.email,
        displayName: body.admin.displayName,
        language: body.admin.language,
        passwordHash,
        isInstanceAdmin: true,
      });
    } catch (err) {
      if (isEmailTakenError(err)) throw conflict("An account already uses this e-mail address.");
      throw err;
    }
    const association = await insertAssociationWithOwner(tx, { ...body.association, parentId: undefined }, user.id, user.id, events);
    return { user, association };
  });
  return result;
}
