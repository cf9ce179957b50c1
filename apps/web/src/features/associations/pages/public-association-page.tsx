import { useId, useState } from "react";
import { Link, useLocation } from "@tanstack/react-router";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { buttonClass } from "../../../components/button";
import { EmptyState } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { SearchField } from "../../../components/search-field";
import type { AssociationBranding } from "../../../app/contract-types";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { PagedList } from "../../../app/paged-list";
import { useSession } from "../../../app/session";
import { SphereList } from "../../spheres/components/sphere-list";
import { sphereDirectoryQuery } from "../../spheres/spheres.queries";

/**
 * An association seen from outside (signed out, or signed in without belonging to it): its public spheres, which
 * anybody may read. The server lists only those to people outside the association.
 */
export function PublicAssociationPage({ branding }: { branding: AssociationBranding }) {
  const { t } = useTranslation();
  const signedIn = useSession().user !== null;
  const location = useLocation();
  const headingId = useId();
  const [q, setQ] = useState("");
  useDocumentTitle([branding.name]);
  const query = useInfiniteQuery(sphereDirectoryQuery(branding.id, { q, mine: false, parentId: null }));

  return (
    <div className="page">
      <div className="page-header">
        <RouteHeading>{branding.name}</RouteHeading>
        {signedIn ? null : (
          <Link to="/sign-in" search={{ redirect: location.href }} className={buttonClass("primary")}>
            {t("publicView.signIn")}
          </Link>
        )}
      </div>
      <p>{signedIn ? t("publicView.outsider", { name: branding.name }) : t("publicView.intro", { name: branding.name })}</p>
      <section aria-labelledby={headingId} className="section">
        <h2 id={headingId}>{t("publicView.spheres")}</h2>
        <SearchField label={t("spheres.search")} onSearch={setQ} />
        <PagedList
          query={query}
          failure={(error) => <QueryErrorState error={error} />}
          empty={<EmptyState title={q ? t("spheres.noMatch", { q }) : t("publicView.empty")} />}
          shownLabel={(count) => t("spheres.shown", { count })}
        >
          {(spheres) => <SphereList slug={branding.slug} spheres={spheres} />}
        </PagedList>
      </section>
    </div>
  );
}
