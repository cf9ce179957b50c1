import { useId, useState } from "react";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";
import { EmptyState } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { SearchField } from "../../../components/search-field";
import { PagedList } from "../../../app/paged-list";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { sphereDirectoryQuery, sphereQuery } from "../../spheres/spheres.queries";
import { SphereList } from "../../spheres/components/sphere-list";
import { LazyBoundary, lazyNamed } from "../../../components/lazy";
import { useAssociation } from "./association-layout";
import { MyRequests } from "../../notices/components/my-requests";

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
      <MyRequests associationId={association.id} slug={association.slug} />
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
  return (
    <PagedList
      query={query}
      failure={(error) => <QueryErrorState error={error} />}
      empty={<EmptyState title={t("spheres.mineEmpty")}>{t("spheres.mineEmptyHint")}</EmptyState>}
    >
      {(spheres) => <SphereList slug={association.slug} spheres={spheres} />}
    </PagedList>
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
      <PagedList
        query={query}
        failure={(error) => <QueryErrorState error={error} />}
        empty={<EmptyState title={q ? t("spheres.noMatch", { q }) : t("spheres.directoryEmpty")} />}
        shownLabel={(count) => t("spheres.shown", { count })}
      >
        {(spheres) => (
          <SphereList
            slug={association.slug}
            spheres={spheres}
            onShowChildren={(sphere) => void navigate({ search: (prev) => ({ ...prev, parentId: sphere.id }) })}
          />
        )}
      </PagedList>
    </>
  );
}
