import { createContext, useContext } from "react";
import { Outlet, useParams } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Association } from "@trame/contracts";
import { Skeleton } from "../../../components/misc";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { useRealtimeRoom } from "../../../app/realtime";
import { useBranding } from "../../../app/theme";
import { associationBySlugQuery } from "../associations.queries";
import { useMembershipRealtime } from "../../spheres/spheres.realtime";

const AssociationContext = createContext<Association | null>(null);

/** The association every page under /a/:slug works in (loaded once, by its slug). */
export function useAssociation(): Association {
  const association = useContext(AssociationContext);
  if (!association) throw new Error("useAssociation() outside /a/:slug");
  return association;
}

/** Loads the association, wears its colours, and listens for my membership changes in it. */
export function AssociationLayout() {
  const { t } = useTranslation();
  const { slug } = useParams({ from: "/a/$slug" });
  const query = useQuery(associationBySlugQuery(slug));
  useBranding(query.data ?? null);
  if (query.isPending) {
    return (
      <div className="page">
        <Skeleton label={t("common.loading")} />
      </div>
    );
  }
  if (query.isError) return <QueryErrorState error={query.error} />;
  return (
    <AssociationContext.Provider value={query.data}>
      <AssociationRealtime association={query.data} />
      <Outlet />
    </AssociationContext.Provider>
  );
}

function AssociationRealtime({ association }: { association: Association }) {
  useRealtimeRoom(`association:${association.id}`);
  useMembershipRealtime(association.id);
  return null;
}
