import type { ReactNode } from "react";
import { Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Sphere } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { Badge, Skeleton } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { sphereQuery } from "../spheres.queries";
import { VisibilityBadge } from "./visibility-badge";

export interface SpherePageFrameProps {
  association: { id: string; slug: string; name: string };
  sphereId: string;
  /** The words of the link back to the association. */
  backLabel: string;
  /** The rest of the page, once the sphere is loaded. */
  children: (sphere: Sphere) => ReactNode;
}

/** A sphere's page, seen from inside its association or from outside: the way back, its name, badges and state. */
export function SpherePageFrame({ association, sphereId, backLabel, children }: SpherePageFrameProps) {
  const { t } = useTranslation();
  const query = useQuery(sphereQuery(association.id, sphereId));
  useDocumentTitle([query.data?.name ?? t("sphere.title"), association.name]);

  if (query.isPending) {
    return (
      <div className="page">
        <Skeleton label={t("common.loading")} lines={4} />
      </div>
    );
  }
  if (query.isError) return <QueryErrorState error={query.error} />;
  const sphere = query.data;

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/a/$slug" params={{ slug: association.slug }}>
          {backLabel}
        </Link>
      </p>
      <RouteHeading>{sphere.name}</RouteHeading>
      <div className="badges">
        <VisibilityBadge visibility={sphere.visibility} />
        {sphere.archived ? <Badge>{t("spheres.archived")}</Badge> : null}
      </div>
      {sphere.archived ? (
        <Alert tone="info" live={false}>
          {t("sphere.archivedNotice")}
        </Alert>
      ) : null}
      {children(sphere)}
    </div>
  );
}
