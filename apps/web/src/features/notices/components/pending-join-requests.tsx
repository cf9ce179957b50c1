import { useId } from "react";
import { Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/misc";
import { pendingReviewsQuery } from "../notices.queries";

/**
 * For admins, who review every sphere: the spheres where someone waits for an answer, most waited-for first, each a
 * link to the sphere where the requests are decided. Nothing when nobody waits.
 */
export function PendingJoinRequests({ associationId, slug }: { associationId: string; slug: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const pending = useQuery(pendingReviewsQuery(associationId));
  const spheres = pending.data?.joinRequests.spheres ?? [];
  if (spheres.length === 0) return null;
  const hidden = (pending.data?.joinRequests.total ?? 0) - spheres.reduce((sum, s) => sum + s.count, 0);
  return (
    <section aria-labelledby={headingId} className="pending-join-requests">
      <h3 id={headingId}>{t("notices.joinRequestsWaiting")}</h3>
      <ul className="pending-list">
        {spheres.map((sphere) => (
          <li key={sphere.sphereId}>
            <Link to="/a/$slug/spheres/$sphereId" params={{ slug, sphereId: sphere.sphereId }}>
              {sphere.sphereName}
            </Link>{" "}
            <Badge tone="warning">{t("notices.requestsBadge", { count: sphere.count })}</Badge>
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className="card-meta">{t("notices.moreRequests", { count: hidden })}</p> : null}
    </section>
  );
}
