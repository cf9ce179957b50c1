import type { AppContext } from "../../platform/app-context.js";
import { runInTransaction, type Tx } from "../../platform/db/transaction.js";
import type { EventBatch } from "../../platform/events/event-batch.js";
import { holdAssociation } from "../associations/associations.public.js";
import { lockSphere, type SphereRow } from "./spheres.repository.js";

/**
 * A change of one sphere's memberships or requests: one transaction holding the sphere's row lock (changes of one
 * sphere run one after the other: last manager, member count, a decision against a withdrawal, a request against
 * an approval), and the events it gathered emitted only once it has committed. Before the sphere, it holds the
 * association in share mode (the lock order of docs/ARCHITECTURE.md, "Transactions and locks"): nobody is removed
 * from the association meanwhile, so whatever `change` reads under the locks, association membership included,
 * stays true until commit. `sphere` is null when no such sphere exists in the association. Retried as a whole on
 * a deadlock (runInTransaction).
 */
export async function changeSphere<T>(
  ctx: AppContext,
  associationId: string,
  sphereId: string,
  change: (tx: Tx, events: EventBatch, sphere: SphereRow | null) => Promise<T>,
): Promise<T> {
  return runInTransaction(ctx, async (tx, events) => {
    await holdAssociation(tx, associationId);
    return change(tx, events, await lockSphere(tx, associationId, sphereId));
  });
}
