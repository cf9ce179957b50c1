import { EventEmitter } from "node:events";
import type { ServerEvents } from "@trame/contracts";

/**
 * In-process domain events: modules emit after their transaction commits; the real-time hub (and later
 * notifications) listen. Modules talk to each other through these, never through each other's tables.
 * The payloads are the server → client event map, so what a module emits is what a client may receive.
 */
export type DomainEvents = ServerEvents;
export type DomainEventName = keyof DomainEvents;

export class DomainEventBus {
  private readonly emitter = new EventEmitter({ captureRejections: false });
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
}
