import { Link, Navigate } from "@tanstack/react-router";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CardItem } from "../../../components/card";
import { Avatar, EmptyState } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { PagedList } from "../../../app/paged-list";
import { itemsOf } from "../../../app/pagination";
import { useMe } from "../../../app/session";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { myAssociationsQuery } from "../../accounts/accounts.queries";

/** Signed in: the associations I belong to — or straight into the only one. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle([t("home.title"), t("app.name")]);
  const me = useMe();
  const query = useInfiniteQuery(myAssociationsQuery);
  const associations = itemsOf(query.data);
  const only = query.data && !query.hasNextPage && associations.length === 1 ? associations[0] : undefined;

  if (only) return <Navigate to="/a/$slug" params={{ slug: only.slug }} replace />;

  return (
    <div className="page">
      <RouteHeading>{t("home.title")}</RouteHeading>
      <PagedList
        query={query}
        failure={(error) => <QueryErrorState error={error} />}
        empty={
          <EmptyState title={t("home.emptyTitle")}>
            <p>{t("home.emptyBody")}</p>
            {me.abilities["instance.manage"] ? (
              <p>
                <Link to="/admin">{t("home.toInstanceAdmin")}</Link>
              </p>
            ) : null}
          </EmptyState>
        }
      >
        {(associations) => (
          <ul className="card-list">
            {associations.map((association) => (
              <CardItem key={association.id} media={<Avatar name={association.name} url={association.logoUrl} />}>
                <Link to="/a/$slug" params={{ slug: association.slug }} className="card-title">
                  {association.name}
                </Link>
                <p className="card-meta">{t(`roles.association.${association.role}`)}</p>
              </CardItem>
            ))}
          </ul>
        )}
      </PagedList>
    </div>
  );
}
