import type { AppContext } from "../platform/app-context.js";
import type { HttpServer } from "../platform/http/http-server.js";

/** A module's routes, registered under /api/v1. */
export type RegisterRoutes = (app: HttpServer, ctx: AppContext) => void | Promise<void>;

/** Every module's routes, in one list: adding a module is one line here. */
export const apiModules: RegisterRoutes[] = [];
