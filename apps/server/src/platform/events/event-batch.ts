import type { Tx } from "../db/transaction.js";
import type { AfterCommit, DomainEventBus, DomainEventName, DomainEvents } from "./domain-events.js";

/**
 * Domain events gathered while a transaction runs, emitted only once it has committed: listeners (the real-time
 * hub) never announce a change that rolled back. Before the commit, `writeWithin` lets the bus's in-transaction
 * listeners write what belongs to the change (queued mail, see modules/notices): it commits with it, or not at all.
 */
export class EventBatch {
  private readonly items: Array<{ name: DomainEventName; payload: DomainEvents[DomainEventName] }> = [];
  private written = 0;
  private readonly afterCommit: AfterCommit[] = [];

  add<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void {
    this.items.push({ name, payload });
  }

  /** Inside the transaction, at its end: runs the in-transaction listeners of the events not yet written. */
  async writeWithin(tx: Tx, bus: DomainEventBus): Promise<void> {
    while (this.written < this.items.length) {
      const { name, payload } = this.items[this.written]!;
      this.written += 1;
      this.afterCommit.push(...(await bus.runInTransaction(tx, name, payload)));
    }
  }

  /**
   * After the commit: emits the events, then runs what the in-transaction listeners asked for (never throws;
   * callers that do not await it lose nothing, the mail sweep re-schedules queued mail).
   */
  emit(bus: DomainEventBus): Promise<void> {
    this.written = 0;
    for (const { name, payload } of this.items.splice(0)) {
      (bus.emit as (n: DomainEventName, p: DomainEvents[DomainEventName]) => void)(name, payload);
    }
    const actions = this.afterCommit.splice(0);
    return (async () => {
      for (const action of actions) {
        try {
          await action();
        } catch {
          // An after-commit action is a best effort by contract (e.g. scheduling mail the sweep will pick up).
        }
      }
    })();
  }
}
