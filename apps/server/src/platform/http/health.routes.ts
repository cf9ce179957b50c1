import { sql } from "drizzle-orm";
import { healthSchema } from "@trame/contracts";
import type { AppContext } from "../app-context.js";
import type { HttpServer } from "./http-server.js";

/** For load balancers and the instance administrator: 200 when the database answers, 503 otherwise. */
export function registerHealthRoutes(app: HttpServer, ctx: AppContext, version: string): void {
  app.get(
    "/api/health",
    { schema: { operationId: "getHealth", tags: ["platform"], response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      try {
        await ctx.db.execute(sql`SELECT 1`);
        return { status: "ok" as const, database: "ok" as const, version };
      } catch {
        return reply.status(503).send({ status: "degraded" as const, database: "unreachable" as const, version });
      }
    },
  );
}
