import { useId } from "react";
import { Link, useLocation } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { buttonClass } from "../../../components/button";
import { Badge, Skeleton } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import type { AssociationBranding } from "../../../app/contract-types";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { useSession } from "../../../app/session";
import { SphereAbout } from "../components/sphere-about";
import { VisibilityBadge } from "../components/visibility-badge";
import { sphereQuery } from "../spheres.queries";

/**
 * A public sphere seen from outside its association: its about page only — who its members are stays theirs to
 * know. Signed out, the way in is to sign in (and come back here); signed in elsewhere, joining takes an
 * invitation to the association.
 */
export function PublicSpherePage({ branding, sphereId }: { branding: AssociationBranding; sphereId: string }) {
  const { t } = useTranslation();
  const signedIn = useSession().user !== null;
  const location = useLocation();
  const aboutId = useId();
  const query = useQuery(sphereQuery(branding.id, sphereId));
  useDocumentTitle([query.data?.name ?? t("sphere.title"), branding.name]);

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
        <Link to="/a/$slug" params={{ slug: branding.slug }}>
          {t("publicView.backToAssociation", { name: branding.name })}
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
      <section className="section" aria-labelledby={aboutId}>
        <h2 id={aboutId}>{t("sphere.about")}</h2>
        <SphereAbout slug={branding.slug} sphere={sphere} />
        {signedIn ? (
          <p>{t("publicView.outsiderJoin", { name: branding.name })}</p>
        ) : (
          <div className="membership-actions">
            <p>{t("publicView.signInHint", { name: branding.name })}</p>
            <Link to="/sign-in" search={{ redirect: location.href }} className={buttonClass("primary")}>
              {t("publicView.signInToJoin")}
            </Link>
          </div>
        )}
      </section>
    </div>
  );
}
