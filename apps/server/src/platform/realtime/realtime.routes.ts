import type { FastifyRequest } from "fastify";
import websocket from "@fastify/websocket";
import type { HttpServer } from "../http/http-server.js";
import { closeCodes, type RealtimeHub } from "./realtime-hub.js";

/** Client messages are a few dozen bytes (subscribe, unsubscribe, ping); anything much larger is not ours. */
export const maxClientMessageBytes = 4 * 1024;

/**
 * GET /api/v1/realtime: the WebSocket of the web app. The session cookie authenticates it (request.actor is
 * resolved by the same hook as every /api request); anonymous sockets are closed with 4401.
 */
export async function registerRealtimeRoute(app: HttpServer, hub: RealtimeHub, options: { publicUrl: string }): Promise<void> {
  // Before the plugin's own hook, so that sockets are closed with "going away" (clients then reconnect elsewhere).
  app.addHook("preClose", (done) => {
    hub.disconnectAll();
    done();
  });
  await app.register(websocket, { options: { maxPayload: maxClientMessageBytes } });
  app.get("/realtime", { websocket: true, schema: { hide: true } }, (socket, request) => {
    if (!isAllowedOrigin(request, options.publicUrl)) {
      socket.close(closeCodes.originRefused, "origin not allowed");
      return;
    }
    if (request.actor.kind !== "user") {
      socket.close(closeCodes.unauthenticated, "sign in first");
      return;
    }
    hub.attach(socket, request.actor.userId, request.actor.sessionId);
  });
}

/**
 * Browsers send the session cookie with a WebSocket opened by any page of the same site; the Origin tells which
 * page it was. Only our own pages (the public address, or the host the request came to) may open one.
 * Non-browser clients send no Origin and are judged by their cookie alone.
 */
function isAllowedOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === new URL(publicUrl).host || host === request.headers.host;
}
