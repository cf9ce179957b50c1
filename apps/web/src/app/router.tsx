import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect, type ParsedLocation } from "@tanstack/react-router";
import type { QueryClient } from "@tanstack/react-query";
import type { Me } from "@trame/contracts";
import { expectNavigationFocus } from "../components/route-heading";
import { RootLayout } from "./layouts/root-layout";
import { NotFoundPage, RootErrorPage, RouteErrorPage } from "./layouts/status-pages";
import { sessionQuery } from "./session";
import { isApiError } from "./api";
import { associationBrandingQuery } from "../features/associations/associations.queries";
import { sphereQuery } from "../features/spheres/spheres.queries";

// Every page loads on demand: the first download is the shell (layout, session, router, translations) and the
// page asked for. A newcomer's sign-in page does not carry the member pages, nor a member's the administration.
const HomePage = lazyRouteComponent(() => import("../features/associations/pages/home-page"), "HomePage");
const AssociationLayout = lazyRouteComponent(() => import("../features/associations/pages/association-layout"), "AssociationLayout");
const AssociationHomePage = lazyRouteComponent(() => import("../features/associations/pages/association-home-page"), "AssociationHomePage");
const SpherePage = lazyRouteComponent(() => import("../features/spheres/pages/sphere-page"), "SpherePage");

export interface RouterContext {
  queryClient: QueryClient;
}

interface GuardArgs {
  context: RouterContext;
  location: ParsedLocation;
}

/** Only a path of this site may be a return address (no `//evil.example`). */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : undefined;
}

async function requireUser({ context, location }: GuardArgs): Promise<{ me: Me }> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session.user) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  return { me: session.user };
}

/**
 * Signed out, only what is public may be shown (a public sphere, the list of an association's public spheres):
 * when `load` finds nothing public, the visitor signs in first and comes back here — as for any other page.
 * Signed in, the page itself decides (a member's page, an association's public face, or "not found").
 */
async function publicOrSignIn({ context, location }: GuardArgs, load: () => Promise<unknown>): Promise<void> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (session.user) return;
  try {
    await load();
  } catch (error) {
    if (isApiError(error) && error.code === "NOT_FOUND") throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    throw error;
  }
}

async function requireSignedOut({ context }: GuardArgs): Promise<void> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (session.user) throw redirect({ to: "/" });
}

const tokenSearch = (search: Record<string, unknown>): { token?: string } =>
  typeof search.token === "string" ? { token: search.token } : {};

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Until the instance is set up, every page leads to the set-up page.
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session.setupRequired && location.pathname !== "/setup") throw redirect({ to: "/setup" });
  },
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RootErrorPage,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async (args) => {
    const session = await args.context.queryClient.ensureQueryData(sessionQuery);
    if (!session.user) throw redirect({ to: "/sign-in" });
  },
  component: HomePage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session.setupRequired) throw redirect({ to: "/" });
  },
  component: lazyRouteComponent(() => import("../features/setup/pages/setup-page"), "SetupPage"),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: requireSignedOut,
  component: lazyRouteComponent(() => import("../features/accounts/pages/sign-in-page"), "SignInPage"),
});

const signInSentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/sent",
  component: lazyRouteComponent(() => import("../features/accounts/pages/sign-in-sent-page"), "SignInSentPage"),
});

const signInLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in/link",
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import("../features/accounts/pages/sign-in-link-page"), "SignInLinkPage"),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(() => import("../features/accounts/pages/forgot-password-page"), "ForgotPasswordPage"),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import("../features/accounts/pages/reset-password-page"), "ResetPasswordPage"),
});

const invitationConfirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/confirm",
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import("../features/invitations/pages/invitation-confirm-page"), "InvitationConfirmPage"),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/$token",
  component: lazyRouteComponent(() => import("../features/invitations/pages/invitation-page"), "InvitationPage"),
});

const associationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/a/$slug",
  beforeLoad: (args) => publicOrSignIn(args, () => args.context.queryClient.ensureQueryData(associationBrandingQuery(args.params.slug))),
  component: AssociationLayout,
});

const associationHomeRoute = createRoute({
  getParentRoute: () => associationRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>): { q?: string; parentId?: string } => ({
    ...(typeof search.q === "string" && search.q ? { q: search.q } : {}),
    ...(typeof search.parentId === "string" && search.parentId ? { parentId: search.parentId } : {}),
  }),
  component: AssociationHomePage,
});

const sphereRoute = createRoute({
  getParentRoute: () => associationRoute,
  path: "/spheres/$sphereId",
  beforeLoad: (args) =>
    publicOrSignIn(args, async () => {
      const { queryClient } = args.context;
      const branding = await queryClient.ensureQueryData(associationBrandingQuery(args.params.slug));
      await queryClient.ensureQueryData(sphereQuery(branding.id, args.params.sphereId));
    }),
  component: SpherePage,
});

// Administration pages are for few people: they load on demand, outside the member's first download.
const associationAdminRoute = createRoute({
  getParentRoute: () => associationRoute,
  path: "/admin",
  beforeLoad: requireUser,
  component: lazyRouteComponent(() => import("../features/associations/pages/admin/association-admin-layout"), "AssociationAdminLayout"),
});

const adminSettingsRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../features/associations/pages/admin/settings-section"), "SettingsSection"),
});
const adminBrandingRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/branding",
  component: lazyRouteComponent(() => import("../features/associations/pages/admin/branding-section"), "BrandingSection"),
});
const adminModulesRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/modules",
  component: lazyRouteComponent(() => import("../features/associations/pages/admin/modules-section"), "ModulesSection"),
});
const adminCharterRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/charter",
  component: lazyRouteComponent(() => import("../features/associations/pages/admin/charter-section"), "CharterSection"),
});
const adminMembersRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/members",
  component: lazyRouteComponent(() => import("../features/associations/pages/admin/members-section"), "MembersSection"),
});
const adminSphereRequestsRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/sphere-requests",
  component: lazyRouteComponent(() => import("../features/spheres/pages/creation-requests-section"), "CreationRequestsSection"),
});
const adminInvitationsRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/invitations",
  component: lazyRouteComponent(() => import("../features/invitations/pages/invitations-section"), "InvitationsSection"),
});
const adminAuditRoute = createRoute({
  getParentRoute: () => associationAdminRoute,
  path: "/audit",
  component: lazyRouteComponent(() => import("../features/associations/pages/admin/audit-section"), "AuditSection"),
});
const associationAdminRoutes = [adminSettingsRoute, adminBrandingRoute, adminModulesRoute, adminCharterRoute, adminMembersRoute, adminSphereRequestsRoute, adminInvitationsRoute, adminAuditRoute];

const instanceAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin",
  beforeLoad: requireUser,
  component: lazyRouteComponent(() => import("../features/admin/pages/instance-admin-layout"), "InstanceAdminLayout"),
});

const instanceAssociationsRoute = createRoute({
  getParentRoute: () => instanceAdminRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../features/admin/pages/associations-section"), "AssociationsSection"),
});

const outboxRoute = createRoute({
  getParentRoute: () => instanceAdminRoute,
  path: "/outbox",
  component: lazyRouteComponent(() => import("../features/admin/pages/outbox-section"), "OutboxSection"),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account",
  beforeLoad: requireUser,
  component: lazyRouteComponent(() => import("../features/accounts/pages/account-page"), "AccountPage"),
});

// Pages of signed-out visitors load on demand too: a member's first download carries only member pages.
const routeTree = rootRoute.addChildren([
  homeRoute,
  setupRoute,
  signInRoute,
  signInSentRoute,
  signInLinkRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationConfirmRoute,
  invitationRoute,
  associationRoute.addChildren([
    associationHomeRoute,
    sphereRoute,
    associationAdminRoute.addChildren([...associationAdminRoutes]),
  ]),
  instanceAdminRoute.addChildren([instanceAssociationsRoute, outboxRoute]),
  accountRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Data comes from TanStack Query; the router only decides where we are.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
  });
  // A new page (not a new search or filter) moves the focus to its heading.
  router.subscribe("onBeforeNavigate", (event) => {
    if (event.fromLocation && event.pathChanged) expectNavigationFocus();
  });
  return router;
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
