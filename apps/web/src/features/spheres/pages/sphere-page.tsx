import { useId, type ReactNode } from "react";
import { Link, useParams } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Badge, Skeleton } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { QueryErrorState } from "../../../app/layouts/status-pages";
import { useAssociation } from "../../associations/pages/association-layout";
import { LazyBoundary, lazyNamed } from "../../../components/lazy";
import { MembershipActions } from "../components/membership-actions";
import { SphereAbout } from "../components/sphere-about";
import { SphereMembers } from "../components/sphere-members";
import { VisibilityBadge } from "../components/visibility-badge";
import { sphereQuery } from "../spheres.queries";
import { useSphereRoom } from "../spheres.realtime";

// Managers' tools load when a manager opens the page; members never download them.
const JoinRequests = lazyNamed(() => import("../components/join-requests"), "JoinRequests");
const InvitePanel = lazyNamed(() => import("../../invitations/components/invite-panel"), "InvitePanel");
const SphereSettings = lazyNamed(() => import("../components/sphere-settings"), "SphereSettings");
const SphereDangerZone = lazyNamed(() => import("../components/sphere-settings"), "SphereDangerZone");

/** A sphere: about and membership for everyone; requests, members' roles, invitations and settings for its managers. */
export function SpherePage() {
  const { t } = useTranslation();
  const association = useAssociation();
  const { sphereId } = useParams({ from: "/a/$slug/spheres/$sphereId" });
  const query = useQuery(sphereQuery(association.id, sphereId));
  useSphereRoom(sphereId);
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
  const abilities = sphere.abilities;
  const showDanger = abilities["sphere.archive"] || abilities["sphere.delete"];

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/a/$slug" params={{ slug: association.slug }}>
          {t("sphere.backToDirectory")}
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

      <Section title={t("sphere.about")}>
        <SphereAbout slug={association.slug} sphere={sphere} />
        <MembershipActions associationId={association.id} sphere={sphere} />
      </Section>

      {abilities["sphereJoinRequest.review"] ? (
        <Section title={t("sphere.requests")}>
          <JoinRequests associationId={association.id} sphere={sphere} />
        </Section>
      ) : null}

      {abilities["sphereMember.list"] ? (
        <Section title={t("sphere.members")}>
          <SphereMembers associationId={association.id} sphere={sphere} />
        </Section>
      ) : null}

      {abilities["sphereMember.invite"] && !sphere.archived ? (
        <Section title={t("sphere.invite")}>
          <InvitePanel associationId={association.id} sphereId={sphere.id} />
        </Section>
      ) : null}

      {abilities["sphere.update"] ? (
        <Section title={t("sphere.settings")}>
          <SphereSettings key={sphere.id} associationId={association.id} sphere={sphere} />
        </Section>
      ) : null}

      {showDanger ? (
        <Section title={t("sphere.dangerZone")}>
          <SphereDangerZone associationId={association.id} slug={association.slug} sphere={sphere} />
        </Section>
      ) : null}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <LazyBoundary fallback={<Skeleton label={t("common.loading")} lines={2} />}>{children}</LazyBoundary>
    </section>
  );
}
