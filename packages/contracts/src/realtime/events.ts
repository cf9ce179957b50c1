import type { AssociationRole, SphereRole } from "../permissions/permissions.js";

/** Rooms a WebSocket client may be in. Joining goes through the same policy as reading. */
export type RoomName = `user:${string}` | `association:${string}` | `sphere:${string}`;

/** The one typed map of server → client events. Names are `<resource>.<pastTense>`. */
export interface ServerEvents {
  "sphereMembership.changed": {
    associationId: string;
    sphereId: string;
    userId: string;
    /** null when the member was removed or left */
    role: SphereRole | null;
  };
  "sphereJoinRequest.created": { associationId: string; sphereId: string; requestId: string };
  "sphereJoinRequest.decided": {
    associationId: string;
    sphereId: string;
    requestId: string;
    userId: string;
    status: "approved" | "refused";
  };
  /** The requester withdrew it: reviewers' lists drop it, the requester's other pages stop showing it. */
  "sphereJoinRequest.cancelled": { associationId: string; sphereId: string; requestId: string; userId: string };
  "associationMembership.changed": {
    associationId: string;
    userId: string;
    role: AssociationRole | null;
  };
  "sphere.updated": { associationId: string; sphereId: string };
  /** A member asked for a new sphere: heard by the requester's own pages; reviewers hear `pendingReviews.changed`. */
  "sphereCreationRequest.created": { associationId: string; requestId: string; userId: string };
  "sphereCreationRequest.decided": {
    associationId: string;
    requestId: string;
    /** The requester: told in their own room (the association's room tells only those who review requests). */
    userId: string;
    status: "approved" | "refused" | "redirected";
    sphereId: string | null;
  };
  /**
   * What waits for this person's review changed in the association (a request came, was decided or withdrawn):
   * their badges read the pending counts again. Sent to each reviewer's own room, never to a shared one.
   */
  "pendingReviews.changed": { associationId: string; userId: string };
}
export type ServerEventName = keyof ServerEvents;
export type ServerMessage = {
  [K in ServerEventName]: { type: K; room: RoomName; data: ServerEvents[K] };
}[ServerEventName];

/** Client → server control messages. */
export type ClientMessage =
  | { type: "subscribe"; room: RoomName }
  | { type: "unsubscribe"; room: RoomName }
  | { type: "ping" };

/** Control replies from the hub. */
export type HubReply =
  | { type: "subscribed"; room: RoomName }
  | { type: "unsubscribed"; room: RoomName }
  | { type: "denied"; room: RoomName }
  | { type: "pong" };
