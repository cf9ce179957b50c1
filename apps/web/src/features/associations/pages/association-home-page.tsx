import { useId, useState } from "react";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";
import { EmptyState, Skeleton } from "../../../components/misc";
import { LoadMore } from "../../../components/load-more";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { SearchField } from "../../../components/search-field";
import { itemsOf } from "../../../app/pagination";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { sphereDirectoryQuery, sphereQuery } from "../../spheres/spheres.queries";
import { SphereList } from "../../spheres/components/sphere-list";
import { LazyBoundary, lazyNamed } from "../../../components/lazy";
import { useAssociation } from "./association-layout";

const NewSphereDialog = lazyNamed(() => import("../../spheres/components/new-sphere-dialog"), "NewSphereDialog");

/** The association's home: my spheres first, then the directory of all the spheres I may see. */
export function AssociationHomePage() {
  const { t } = useTranslation();
  const association = useAssociation();
  useDocumentTitle([association.name]);
  const mineHeadingId = useId();
  const directoryHeadingId = useId();
  const canCreate = association.abilities["sphere.create"] === true;
  const canRequest = !canCreate && association.abilities["sphere.requestCreation"] === true;
  const [dialog, setDialog] = useState<"create" | "request" | null>(null);

  return (
    <div className="page">
      <div className="page-header">
        <RouteHeading>{association.name}</RouteHeading>
        {canCreate || canRequest ? (
          <Button variant="primary" onClick={() => setDialog(canCreate ? "create" : "request")}>
            {canCreate ? t("spheres.create") : t("spheres.request")}
          </Button>
        ) : null}
      </div>
      <section aria-labelledby={mineHeadingId} className="section">
        <h2 id={mineHeadingId}>{t("spheres.mine")}</h2>
        <MySpheres />
      </section>
      <section aria-labelledby={directoryHeadingId} className="section">
        <h2 id={directoryHeadingId}>{t("spheres.directory")}</h2>
        <Directory />
      </section>
      {dialog ? (
        <LazyBoundary fallback={null}>
          <NewSphereDialog association={association} mode={dialog} open onClose={() => setDialog(null)} />
        </LazyBoundary>
      ) : null}
    </div>
  );
}

function MySpheres() {
  const { t } = useTranslation();
  const association = useAssociation();
  const query = useInfiniteQuery(sphereDirectoryQuery(association.id, { q: "", mine: true, parentId: null }));
  const spheres = itemsOf(query.data);
  if (query.isPending) return <Skeleton label={t("common.loading")} />;
  if (query.isError) return <QueryErrorState error={query.error} />;
  if (spheres.length === 0) return <EmptyState title={t("spheres.mineEmpty")}>{t("spheres.mineEmptyHint")}</EmptyState>;
  return (
    <>
      <SphereList slug={association.slug} spheres={spheres} />
      <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
    </>
  );
}

function Directory() {
  const { t } = useTranslation();
  const association = useAssociation();
  const search = useSearch({ from: "/a/$slug/" });
  const navigate = useNavigate({ from: "/a/$slug/" });
  const q = search.q ?? "";
  const parentId = search.parentId ?? null;
  const query = useInfiniteQuery(sphereDirectoryQuery(association.id, { q, mine: false, parentId }));
  const parent = useQuery({ ...sphereQuery(association.id, parentId ?? ""), enabled: Boolean(parentId) });
  const spheres = itemsOf(query.data);

  return (
    <>
      <SearchField
        label={t("spheres.search")}
        initialValue={q}
        onSearch={(value) => {
          if (value !== q) void navigate({ search: (prev) => ({ ...prev, q: value || undefined }), replace: true });
        }}
      />
      {parentId ? (
        <p className="filter-note">
          {t("spheres.childrenOf", { name: parent.data?.name ?? "…" })}{" "}
          <button type="button" className="link-button" onClick={() => void navigate({ search: (prev) => ({ ...prev, parentId: undefined }) })}>
            {t("spheres.showAll")}
          </button>
        </p>
      ) : null}
      {query.isPending ? (
        <Skeleton label={t("common.loading")} />
      ) : query.isError ? (
        <QueryErrorState error={query.error} />
      ) : spheres.length === 0 ? (
        <EmptyState title={q ? t("spheres.noMatch", { q }) : t("spheres.directoryEmpty")} />
      ) : (
        <>
          <SphereList
            slug={association.slug}
            spheres={spheres}
            onShowChildren={(sphere) => void navigate({ search: (prev) => ({ ...prev, parentId: sphere.id }) })}
          />
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            shownLabel={t("spheres.shown", { count: spheres.length })}
          />
        </>
      )}
    </>
  );
}
