import { EventEmitter } from "node:events";
import type { ServerEvents } from "@trame/contracts";
import type { Tx } from "../db/transaction.js";

/**
 * In-process domain events: modules emit after their transaction commits; the real-time hub (and later
 * notifications) listen. Modules talk to each other through these, never through each other's tables.
 * The payloads are the server → client event map, so what a module emits is what a client may receive.
 */
export type DomainEvents = ServerEvents;
export type DomainEventName = keyof DomainEvents;

/** Something to do once the transaction has committed (e.g. ask for the delivery of the mail it queued). */
export type AfterCommit = () => Promise<void> | void;

/**
 * A listener that runs inside the transaction of the change, before it commits: what must be written with the
 * change or not at all (queued mail). It may hand back what to do after the commit.
 */
export type InTransactionListener<K extends DomainEventName> = (tx: Tx, payload: DomainEvents[K]) => Promise<AfterCommit | void>;

export class DomainEventBus {
  private readonly emitter = new EventEmitter({ captureRejections: false });
  private readonly inTransaction = new Map<DomainEventName, Array<InTransactionListener<DomainEventName>>>();
  constructor() {
    this.emitter.setMaxListeners(100);
  }
  emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }
  on<K extends DomainEventName>(name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /**
   * Listens inside the transaction: called by `EventBatch.writeWithin` for each event gathered, in the same
   * transaction, so that what the listener writes commits or rolls back with the change.
   */
  onInTransaction<K extends DomainEventName>(name: K, listener: InTransactionListener<K>): () => void {
    const list = this.inTransaction.get(name) ?? [];
    list.push(listener as unknown as InTransactionListener<DomainEventName>);
    this.inTransaction.set(name, list);
    return () => {
      const current = this.inTransaction.get(name) ?? [];
      this.inTransaction.set(name, current.filter((l) => l !== (listener as unknown)));
    };
  }

  /** Runs the in-transaction listeners of one event; answers what they ask to do after the commit. */
  async runInTransaction<K extends DomainEventName>(tx: Tx, name: K, payload: DomainEvents[K]): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    for (const listener of this.inTransaction.get(name) ?? []) {
      const then = await listener(tx, payload as DomainEvents[DomainEventName]);
      if (then) after.push(then);
    }
    return after;
  }
}
