import type { AppContext } from "../../platform/app-context.js";
import type { Tx } from "../../platform/db/transaction.js";
import { EventBatch } from "../../platform/events/event-batch.js";
import { lockSphere, type SphereRow } from "./spheres.repository.js";

/**
 * A change of one sphere's memberships or requests: one transaction holding the sphere's row lock (changes of one
 * sphere run one after the other: last manager, member count, a decision against a withdrawal), and the events it
 * gathered emitted only once it has committed (what they must write with it — queued mail — is written just before
 * the commit, see EventBatch.writeWithin). `sphere` is null when no such sphere exists in the association.
 */
export async function changeSphere<T>(
  ctx: AppContext,
  associationId: string,
  sphereId: string,
  change: (tx: Tx, events: EventBatch, sphere: SphereRow | null) => Promise<T>,
): Promise<T> {
  const events = new EventBatch();
  const result = await ctx.db.transaction(async (tx) => {
    const changed = await change(tx, events, await lockSphere(tx, associationId, sphereId));
    await events.writeWithin(tx, ctx.events);
    return changed;
  });
  await events.emit(ctx.events);
  return result;
}
