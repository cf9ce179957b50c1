import type { FastifyRequest } from "fastify";
import { requireUser } from "./request-actor.js";

/**
 * A preValidation hook: a signed-out request is answered 401 before its input is even validated (401 → 400 → 403),
 * so nobody learns the shape of a private endpoint without an account.
 */
export async function requireSignedIn(request: FastifyRequest): Promise<void> {
  requireUser(request);
}

/** The OpenAPI security requirement of routes that need a session. */
export const sessionSecurity = [{ session: [] }];
