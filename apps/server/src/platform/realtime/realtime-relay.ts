import type { ServerMessage } from "@trame/contracts";

/**
 * Carries messages between the nodes of an instance. The hub delivers to its own sockets itself and hands every
 * message to the relay; the relay brings back messages published by OTHER nodes only.
 */
export interface RealtimeRelay {
  /** Starts listening; messages from other nodes go to `deliver`. */
  start(deliver: (message: ServerMessage) => void): Promise<void>;
  publish(message: ServerMessage): void;
  close(): Promise<void>;
}

/** One node, no relay needed: every socket is in this process. */
export class InProcessRelay implements RealtimeRelay {
  async start(): Promise<void> {}
  publish(): void {}
  async close(): Promise<void> {}
}
