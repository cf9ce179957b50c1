import type { DomainEventBus, DomainEventName, DomainEvents } from "./domain-events.js";

/**
 * Domain events gathered while a transaction runs, emitted only once it has committed: listeners (the real-time
 * hub) never announce a change that rolled back.
 */
export class EventBatch {
  private readonly items: Array<{ name: DomainEventName; payload: DomainEvents[DomainEventName] }> = [];

  add<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void {
    this.items.push({ name, payload });
  }

  emit(bus: DomainEventBus): void {
    for (const { name, payload } of this.items.splice(0)) {
      (bus.emit as (n: DomainEventName, p: DomainEvents[DomainEventName]) => void)(name, payload);
    }
  }
}
