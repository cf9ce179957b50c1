import type { ServerMessage } from "@trame/contracts";

/**
 * Carries messages between the nodes of an instance. The hub delivers to its own sockets itself and hands every
 * message to the relay; the relay brings back messages published by OTHER nodes only.
 */
export interface RealtimeRelay {
  /**
   * Starts listening: rooms' messages from other nodes go to `deliver`; the sessions other nodes closed (their ids,
   * never tokens) go to `endSessions`, so that each node closes the sockets it holds for them.
   */
  start(deliver: (message: ServerMessage) => void, endSessions: (sessionIds: string[]) => void): Promise<void>;
  publish(message: ServerMessage): void;
  publishSessionsEnded(sessionIds: string[]): void;
  close(): Promise<void>;
}

/** One node, no relay needed: every socket is in this process (the hub has acted on its own sockets already). */
export class InProcessRelay implements RealtimeRelay {
  async start(): Promise<void> {}
  publish(): void {}
  publishSessionsEnded(): void {}
  async close(): Promise<void> {}
}
