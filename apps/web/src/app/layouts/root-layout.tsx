import { useEffect } from "react";
import { Link, Outlet, useLocation, useMatch } from "@tanstack/react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AnnouncerProvider } from "../../components/announcer";
import { Button } from "../../components/button";
import { applyLanguage } from "../i18n";
import { isApiError } from "../api";
import { realtime } from "../realtime";
import { handleSessionEnded, useSession } from "../session";
import { associationBrandingQuery, associationBySlugQuery } from "../../features/associations/associations.queries";
import { canAdministerAssociation } from "../../features/associations/association-abilities";
import { useSignOut } from "../../features/accounts/accounts.queries";
import { AdminPendingCount } from "../../features/notices/components/pending-count";

/** Every page: skip link, header with navigation, main, footer, and the live regions. */
export function RootLayout() {
  const { t } = useTranslation();
  const session = useSession();
  useLanguageOfUser(session.user?.language);
  useRealtimeConnection(session.user?.id ?? null);
  return (
    <AnnouncerProvider label={t("app.announcements")}>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t("app.footer")}</p>
      </footer>
    </AnnouncerProvider>
  );
}

function useLanguageOfUser(language: "fr" | "en" | undefined) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (language && i18n.language !== language) void applyLanguage(language);
  }, [language, i18n]);
}

/**
 * One WebSocket while someone is signed in; after a reconnection, re-read what is on screen. Closed by the server
 * because the session ended, it is not reopened: the session is read again (see handleSessionEnded).
 */
function useRealtimeConnection(userId: string | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    realtime.start();
    const unsubscribe = realtime.subscribe(`user:${userId}`);
    const off = realtime.onReconnect(() => void queryClient.invalidateQueries());
    const offEnded = realtime.onSessionEnded(() => void handleSessionEnded(queryClient, userId, () => realtime.start()));
    return () => {
      off();
      offEnded();
      unsubscribe();
      realtime.stop();
    };
  }, [userId, queryClient]);
}

function AppHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const match = useMatch({ from: "/a/$slug", shouldThrow: false });
  const slug = match?.params.slug;
  const association = useQuery({ ...associationBySlugQuery(slug ?? ""), enabled: Boolean(slug && session.user) });
  // Outside the association (signed out, or not one of its members): its public face wears its name and logo.
  const outside = Boolean(slug) && (!session.user || (isApiError(association.error) && association.error.code === "NOT_FOUND"));
  const branding = useQuery({ ...associationBrandingQuery(slug ?? ""), enabled: outside });
  const location = useLocation();
  const signOut = useSignOut();
  const me = session.user;
  const current = association.data;
  const brand = current ?? (outside ? branding.data : undefined);

  return (
    <header className="header">
      <div className="header-inner">
        {brand ? (
          <Link to="/a/$slug" params={{ slug: brand.slug }} className="brand">
            {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="brand-logo" /> : null}
            <span className="brand-name">{brand.name}</span>
          </Link>
        ) : (
          <Link to="/" className="brand">
            <img src="/icon.svg" alt="" className="brand-logo" />
            <span className="brand-name">{t("app.name")}</span>
          </Link>
        )}
        <nav aria-label={t("nav.label")} className="nav">
          <ul className="nav-list">
            {me ? (
              <>
                {current ? (
                  <li>
                    <Link to="/a/$slug" params={{ slug: current.slug }} activeOptions={{ exact: true }} className="nav-link">
                      {t("nav.spheres")}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/" activeOptions={{ exact: true }} className="nav-link">
                    {t("nav.associations")}
                  </Link>
                </li>
                {current && canAdministerAssociation(current.abilities) ? (
                  <li>
                    <Link to="/a/$slug/admin" params={{ slug: current.slug }} className="nav-link">
                      {t("nav.associationAdmin")}
                      <AdminPendingCount associationId={current.id} />
                    </Link>
                  </li>
                ) : null}
                {me.abilities["instance.manage"] ? (
                  <li>
                    <Link to="/admin" className="nav-link">
                      {t("nav.instanceAdmin")}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/account" className="nav-link">
                    {t("nav.account")}
                  </Link>
                </li>
                <li>
                  <Button
                    variant="quiet"
                    small
                    busy={signOut.isPending}
                    onClick={() =>
                      signOut.mutate(undefined, {
                        // A full load: nothing of this person stays in memory.
                        onSettled: () => window.location.assign("/sign-in"),
                      })
                    }
                  >
                    {t("nav.signOut")}
                  </Button>
                </li>
              </>
            ) : (
              <li>
                {/* From an association's public page, signing in comes back to it. */}
                <Link to="/sign-in" search={slug ? { redirect: location.href } : {}} className="nav-link">
                  {t("nav.signIn")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
