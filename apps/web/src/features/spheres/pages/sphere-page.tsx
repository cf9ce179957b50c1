import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Association, Sphere } from "@trame/contracts";
import { lazyNamed } from "../../../components/lazy";
import { useAssociation } from "../../associations/pages/association-layout";
import { MembershipActions } from "../components/membership-actions";
import { SphereAbout } from "../components/sphere-about";
import { SphereMembers } from "../components/sphere-members";
import { SpherePageFrame } from "../components/sphere-page-frame";
import { SphereSection } from "../components/sphere-section";
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
  useSphereRoom(sphereId);

  return (
    <SpherePageFrame association={association} sphereId={sphereId} backLabel={t("sphere.backToDirectory")}>
      {(sphere) => <SphereSections association={association} sphere={sphere} />}
    </SpherePageFrame>
  );
}

function SphereSections({ association, sphere }: { association: Association; sphere: Sphere }) {
  const { t } = useTranslation();
  const abilities = sphere.abilities;
  const showDanger = abilities["sphere.archive"] || abilities["sphere.delete"];

  return (
    <>
      <SphereSection title={t("sphere.about")}>
        <SphereAbout slug={association.slug} sphere={sphere} />
        <MembershipActions associationId={association.id} sphere={sphere} />
      </SphereSection>

      {abilities["sphereJoinRequest.review"] ? (
        <SphereSection title={t("sphere.requests")}>
          <JoinRequests associationId={association.id} sphere={sphere} />
        </SphereSection>
      ) : null}

      {abilities["sphereMember.list"] ? (
        <SphereSection title={t("sphere.members")}>
          <SphereMembers associationId={association.id} sphere={sphere} />
        </SphereSection>
      ) : null}

      {abilities["sphereMember.invite"] && !sphere.archived ? (
        <SphereSection title={t("sphere.invite")}>
          <InvitePanel associationId={association.id} sphereId={sphere.id} />
        </SphereSection>
      ) : null}

      {abilities["sphere.update"] ? (
        <SphereSection title={t("sphere.settings")}>
          <SphereSettings key={sphere.id} associationId={association.id} sphere={sphere} />
        </SphereSection>
      ) : null}

      {showDanger ? (
        <SphereSection title={t("sphere.dangerZone")}>
          <SphereDangerZone associationId={association.id} slug={association.slug} sphere={sphere} />
        </SphereSection>
      ) : null}
    </>
  );
}
