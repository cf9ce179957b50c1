import { fileURLToPath } from "node:url";
import type { AppContext } from "../platform/app-context.js";
import { createHttpServer, type HttpServer } from "../platform/http/http-server.js";
import { registerHealthRoutes } from "../platform/http/health.routes.js";
import { registerRequestActor } from "../platform/http/request-actor.js";
import { resolveSession } from "../modules/accounts/accounts.public.js";
import { apiModules } from "./api-modules.js";

export const VERSION = "0.1.0";
const defaultWebDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export interface BuildAppOptions {
  /** Serve the built web app (production start). Tests of the API leave it out. */
  serveWeb?: boolean;
}

/** The HTTP application: platform concerns, then every module's routes under /api/v1. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<HttpServer> {
  const app = await createHttpServer({
    logger: ctx.logger,
    trustProxy: ctx.config.trustProxy,
    webDist: options.serveWeb ? defaultWebDist : undefined,
    version: VERSION,
  });
  registerRequestActor(app, (token) => resolveSession(ctx, token), {
    secure: ctx.config.cookieSecure,
    sessionMaxAgeSeconds: ctx.config.sessionTtlDays * 86_400,
  });
  registerHealthRoutes(app, ctx, VERSION);
  await app.register(
    async (api) => {
      for (const register of apiModules) await register(api as HttpServer, ctx);
    },
    { prefix: "/api/v1" },
  );
  return app;
}
