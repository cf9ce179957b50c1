import type { FastifyBaseLogger } from "fastify";
import type { RoomName, ServerEventName, ServerEvents, ServerMessage } from "@trame/contracts";
import type { Config } from "../config/env.js";
import type { AppContext } from "../platform/app-context.js";
import type { HttpServer } from "../platform/http/http-server.js";
import { InProcessRelay } from "../platform/realtime/realtime-relay.js";
import { RealtimeHub, type RoomAuthorizer } from "../platform/realtime/realtime-hub.js";
import { registerRealtimeRoute } from "../platform/realtime/realtime.routes.js";
import { RedisRelay } from "../platform/realtime/redis-relay.js";
import { canJoinAssociationRoom } from "../modules/associations/associations.rooms.js";
import { canJoinSphereRoom } from "../modules/spheres/spheres.rooms.js";

/**
 * Composition of the real-time hub: which relay, who may join which room (the modules' policies), and which
 * domain event goes to which rooms. The platform hub knows none of this.
 */
export async function createRealtimeHub(config: Config, logger: FastifyBaseLogger, authorizeRoom: RoomAuthorizer): Promise<RealtimeHub> {
  const hub = new RealtimeHub({
    relay: config.redisUrl ? new RedisRelay(config.redisUrl, logger, "trame-realtime", config.redisKeyPrefix) : new InProcessRelay(),
    authorizeRoom,
    accessChangedFor,
    logger,
  });
  await hub.start();
  return hub;
}

/** Rooms are joined through the same policy as reading what they show. */
export function authorizeRoom(ctx: AppContext, userId: string, room: RoomName): Promise<boolean> {
  const separator = room.indexOf(":");
  const kind = room.slice(0, separator);
  const id = room.slice(separator + 1);
  if (kind === "sphere") return canJoinSphereRoom(ctx, userId, id);
  if (kind === "association") return canJoinAssociationRoom(ctx, userId, id);
  return Promise.resolve(false);
}

/**
 * A membership change seen in the member's own room (on whichever node holds their sockets): their other rooms
 * are checked again, so a removed member stops receiving a sphere's or an association's events at once.
 */
function accessChangedFor(message: ServerMessage): string | null {
  if (message.type !== "sphereMembership.changed" && message.type !== "associationMembership.changed") return null;
  return message.room === `user:${message.data.userId}` ? message.data.userId : null;
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
  "sphereCreationRequest.decided": (d) => [`association:${d.associationId}`],
  "pendingReviews.changed": (d) => [`user:${d.userId}`],
};

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
