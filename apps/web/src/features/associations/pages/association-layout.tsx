import { createContext, useContext } from "react";
import { Outlet, useMatch, useParams } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Association } from "@trame/contracts";
import { Skeleton } from "../../../components/misc";
import { LazyBoundary, lazyNamed } from "../../../components/lazy";
import { isApiError } from "../../../app/api";
import type { AssociationBranding } from "../../../app/contract-types";
import { NotFoundPage, QueryErrorState } from "../../../app/layouts/status-pages";
import { useRealtimeRoom } from "../../../app/realtime";
import { useSession } from "../../../app/session";
import { useBranding } from "../../../app/theme";
import { associationBrandingQuery, associationBySlugQuery } from "../associations.queries";
import { useMembershipRealtime } from "../../spheres/spheres.realtime";
import { useNoticesRealtime } from "../../notices/notices.realtime";

// The public face is for visitors from outside: members never download it.
const PublicAssociationPage = lazyNamed(() => import("./public-association-page"), "PublicAssociationPage");
const PublicSpherePage = lazyNamed(() => import("../../spheres/pages/public-sphere-page"), "PublicSpherePage");

const AssociationContext = createContext<Association | null>(null);

/** The association every page under /a/:slug works in (loaded once, by its slug). */
export function useAssociation(): Association {
  const association = useContext(AssociationContext);
  if (!association) throw new Error("useAssociation() outside /a/:slug");
  return association;
}

/**
 * Loads the association, wears its colours, and listens for my membership changes in it. People outside it —
 * signed out, or signed in without belonging to it — get its public face instead (its public spheres), when it
 * has one; signed-out visitors asking for anything else were sent to the sign-in page by the router already.
 */
export function AssociationLayout() {
  const { t } = useTranslation();
  const { slug } = useParams({ from: "/a/$slug" });
  const signedIn = useSession().user !== null;
  const query = useQuery({ ...associationBySlugQuery(slug), enabled: signedIn });
  const outside = !signedIn || (isApiError(query.error) && query.error.code === "NOT_FOUND");
  const branding = useQuery({ ...associationBrandingQuery(slug), enabled: outside });
  useBranding(query.data ?? (outside ? branding.data : null) ?? null);
  const loading = (
    <div className="page">
      <Skeleton label={t("common.loading")} />
    </div>
  );

  if (!outside) {
    if (query.isPending) return loading;
    if (query.isError) return <QueryErrorState error={query.error} />;
    return (
      <AssociationContext.Provider value={query.data}>
        <AssociationRealtime association={query.data} />
        <Outlet />
      </AssociationContext.Provider>
    );
  }
  if (branding.isPending) return loading;
  if (branding.isError) return <QueryErrorState error={branding.error} />;
  return (
    <LazyBoundary fallback={loading}>
      <PublicFace branding={branding.data} />
    </LazyBoundary>
  );
}

/** From outside, an association shows its list of public spheres and their pages; nothing else exists. */
function PublicFace({ branding }: { branding: AssociationBranding }) {
  const home = useMatch({ from: "/a/$slug/", shouldThrow: false });
  const sphere = useMatch({ from: "/a/$slug/spheres/$sphereId", shouldThrow: false });
  if (sphere) return <PublicSpherePage key={sphere.params.sphereId} branding={branding} sphereId={sphere.params.sphereId} />;
  if (home) return <PublicAssociationPage branding={branding} />;
  return <NotFoundPage />;
}

function AssociationRealtime({ association }: { association: Association }) {
  useRealtimeRoom(`association:${association.id}`);
  useMembershipRealtime(association.id);
  useNoticesRealtime(association.id);
  return null;
}
