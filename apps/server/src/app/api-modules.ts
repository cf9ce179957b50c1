import type { AppContext } from "../platform/app-context.js";
import type { HttpServer } from "../platform/http/http-server.js";
import { registerAccountsRoutes } from "../modules/accounts/accounts.routes.js";
import { registerOutboxRoutes } from "../modules/admin/outbox.routes.js";
import { registerSetupRoutes } from "../modules/setup/setup.routes.js";
import { registerAssociationsModule } from "../modules/associations/associations.routes.js";
import { registerSpheresModule } from "../modules/spheres/spheres.routes.js";
import { registerInvitationRoutes } from "../modules/invitations/invitations.routes.js";
import { registerRealtimeRoutes } from "./realtime-wiring.js";
import { registerAssociationLogoRoutes } from "../modules/associations/association-logo.routes.js";
import { registerAvatarRoutes } from "../modules/accounts/avatar.routes.js";
import { registerNoticeRoutes } from "../modules/notices/notices.routes.js";

/** A module's routes, registered under /api/v1. */
export type RegisterRoutes = (app: HttpServer, ctx: AppContext) => void | Promise<void>;

/** Every module's routes, in one list: adding a module is one line here. */
export const apiModules: RegisterRoutes[] = [
  registerAccountsRoutes,
  registerOutboxRoutes,
  registerSetupRoutes,
  registerAssociationsModule,
  registerSpheresModule,
  registerInvitationRoutes,
  registerRealtimeRoutes,
  registerAssociationLogoRoutes,
  registerAvatarRoutes,
  registerNoticeRoutes,
];
