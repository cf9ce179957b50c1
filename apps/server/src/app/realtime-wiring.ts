import type { FastifyBaseLogger } from "fastify";
import type { AssociationPermission, RoomName, ServerEventName, ServerEvents, ServerMessage, SpherePermission } from "@trame/contracts";
import type { Config } from "../config/env.js";
import type { AppContext } from "../platform/app-context.js";
import type { HttpServer } from "../platform/http/http-server.js";
import { InProcessRelay } from "../platform/realtime/realtime-relay.js";
import { RealtimeHub, type RoomAuthorizer, type RoomClearance } from "../platform/realtime/realtime-hub.js";
import { registerRealtimeRoute } from "../platform/realtime/realtime.routes.js";
import { RedisRelay } from "../platform/realtime/redis-relay.js";
import { associationRoomClearance } from "../modules/associations/associations.rooms.js";
import { sphereRoomClearance } from "../modules/spheres/spheres.rooms.js";

/**
 * Composition of the real-time hub: which relay, who may join which room (the modules' policies), which domain
 * event goes to which rooms, and what each member of a room receives of it. The platform hub knows none of this.
 */
export async function createRealtimeHub(config: Config, logger: FastifyBaseLogger, authorizeRoom: RoomAuthorizer): Promise<RealtimeHub> {
  const hub = new RealtimeHub({
    relay: config.redisUrl ? new RedisRelay(config.redisUrl, logger, "trame-realtime", config.redisKeyPrefix) : new InProcessRelay(),
    authorizeRoom,
    audience,
    accessChangedFor,
    roomChangedFor,
    logger,
  });
  await hub.start();
  return hub;
}

/**
 * Rooms are joined through the same policy as reading what they show; the clearance is the abilities that policy
 * gives the person there (in the sphere for `sphere:`, in the association for `association:`).
 */
export function authorizeRoom(ctx: AppContext, userId: string, room: RoomName): Promise<RoomClearance | null> {
  const separator = room.indexOf(":");
  const kind = room.slice(0, separator);
  const id = room.slice(separator + 1);
  if (kind === "sphere") return sphereRoomClearance(ctx, userId, id);
  if (kind === "association") return associationRoomClearance(ctx, userId, id);
  return Promise.resolve(null);
}

/**
 * A membership change seen in the member's own room (on whichever node holds their sockets): their other rooms
 * are checked again, so a removed member stops receiving a sphere's or an association's events at once.
 */
function accessChangedFor(message: ServerMessage): string | null {
  if (message.type !== "sphereMembership.changed" && message.type !== "associationMembership.changed") return null;
  return message.room === `user:${message.data.userId}` ? message.data.userId : null;
}

/**
 * A change to a sphere (visibility, archiving, deletion) may take its room away from some of its members: they
 * are all checked again. The notice itself reaches those who were entitled to it until then.
 */
function roomChangedFor(message: ServerMessage): RoomName | null {
  return message.type === "sphere.updated" && message.room === `sphere:${message.data.sphereId}` ? message.room : null;
}

type RoomsOf<K extends ServerEventName> = (data: ServerEvents[K]) => RoomName[];

/** Which rooms hear each domain event. The member concerned always hears about their own membership. */
const eventRooms: { [K in ServerEventName]: RoomsOf<K> } = {
  "sphereMembership.changed": (d) => [`user:${d.userId}`, `sphere:${d.sphereId}`],
  "sphereJoinRequest.created": (d) => [`sphere:${d.sphereId}`],
  "sphereJoinRequest.decided": (d) => [`user:${d.userId}`, `sphere:${d.sphereId}`],
  // Reviewers (in the sphere's room) drop it from their list; the requester's other open pages stop showing it.
  "sphereJoinRequest.cancelled": (d) => [`user:${d.userId}`, `sphere:${d.sphereId}`],
  "associationMembership.changed": (d) => [`user:${d.userId}`, `association:${d.associationId}`],
  "sphere.updated": (d) => [`sphere:${d.sphereId}`],
  "sphereCreationRequest.created": (d) => [`user:${d.userId}`],
  // The requester's pages learn the outcome in their own room; reviewers in the association's room.
  "sphereCreationRequest.decided": (d) => [`user:${d.userId}`, `association:${d.associationId}`],
  "pendingReviews.changed": (d) => [`user:${d.userId}`],
};

type MessageOf<K extends ServerEventName> = Extract<ServerMessage, { type: K }>;
type AudienceOf<K extends ServerEventName> = (message: MessageOf<K>, clearance: RoomClearance) => ServerMessage | null;

/** Only to those holding the permission of the REST read that shows the same thing. */
const onlyWith =
  <K extends ServerEventName>(permission: SpherePermission | AssociationPermission): AudienceOf<K> =>
  (message, clearance) =>
    clearance.has(permission) ? message : null;

/**
 * What each member of a room (other than a user's own) receives of each event: exactly what the REST API would
 * show them, decided by the permission of the read that shows it, which their clearance holds or not. Someone
 * in a sphere's room who may read the sphere but not list its members (a visitor of a public sphere, a member
 * of the association outside the sphere) is only told that the sphere changed (its member count did), not who
 * joined or left.
 */
const eventAudience: { [K in ServerEventName]: AudienceOf<K> } = {
  "sphereMembership.changed": (message, clearance) => {
    if (clearance.has("sphereMember.list")) return message; // GET …/spheres/{id}/members
    if (!clearance.has("sphere.read")) return null;
    const { associationId, sphereId } = message.data; // GET …/spheres/{id}: its member count
    return { type: "sphere.updated", room: message.room, data: { associationId, sphereId } };
  },
  "sphereJoinRequest.created": onlyWith("sphereJoinRequest.review"), // GET …/spheres/{id}/join-requests
  "sphereJoinRequest.decided": onlyWith("sphereJoinRequest.review"),
  "sphereJoinRequest.cancelled": onlyWith("sphereJoinRequest.review"),
  "associationMembership.changed": onlyWith("associationMember.list"), // GET …/associations/{id}/members
  "sphere.updated": onlyWith("sphere.read"), // GET …/spheres/{id}
  "sphereCreationRequest.decided": onlyWith("sphereCreationRequest.review"), // GET …/sphere-requests (all of them)
  // Published only to the requester's or the reviewer's own room (never filtered): nobody else is in a user room.
  "sphereCreationRequest.created": () => null,
  "pendingReviews.changed": () => null,
};

function audience(message: ServerMessage, clearance: RoomClearance): ServerMessage | null {
  return (eventAudience[message.type] as AudienceOf<typeof message.type>)(message as never, clearance);
}

/** Publishes every domain event (emitted by services after commit) to its rooms. */
export function publishDomainEvents(ctx: AppContext): void {
  for (const name of Object.keys(eventRooms) as ServerEventName[]) forward(ctx, name);
}

function forward<K extends ServerEventName>(ctx: AppContext, name: K): void {
  const roomsOf = eventRooms[name] as RoomsOf<K>;
  ctx.events.on(name, (data) => {
    for (const room of roomsOf(data)) ctx.realtime.publish({ type: name, room, data } as ServerMessage);
  });
}

/** GET /api/v1/realtime (in app/api-modules.ts). */
export function registerRealtimeRoutes(app: HttpServer, ctx: AppContext): Promise<void> {
  return registerRealtimeRoute(app, ctx.realtime, { publicUrl: ctx.config.publicUrl });
}
