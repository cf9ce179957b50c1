import { useId } from "react";
import { Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MyRequest } from "@trame/contracts";
import { Badge, type BadgeTone } from "../../../components/misc";
import { useFormatDate } from "../../../app/format";
import { myRequestsQuery } from "../notices.queries";

const tone: Record<MyRequest["status"], BadgeTone> = {
  pending: "warning",
  approved: "success",
  refused: "danger",
  redirected: "info",
  cancelled: "neutral",
};

/**
 * My requests in this association and what became of them: pending ones, and the decisions of the last 30 days
 * (with the reviewer's reason), so that a decision taken while I was away is seen on my next visit. Nothing is
 * shown when I have none.
 */
export function MyRequests({ associationId, slug }: { associationId: string; slug: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formatDate = useFormatDate();
  const query = useQuery(myRequestsQuery(associationId));
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t("notices.myRequests")}</h2>
      <ul className="card-list my-requests">
        {items.map((request) => (
          <li key={request.id} className="card">
            <div className="card-main">
              <p className="card-title-text">
                {request.kind === "join" ? t("notices.joinRequestOf", { sphere: request.sphereName }) : t("notices.creationRequestOf", { sphere: request.sphereName })}
              </p>
              <div className="badges">
                <Badge tone={tone[request.status]}>{t(`notices.status.${request.status}`)}</Badge>
              </div>
              <p className="card-meta">
                {request.decidedAt ? t("notices.decidedOn", { date: formatDate(request.decidedAt) }) : t("notices.askedOn", { date: formatDate(request.createdAt) })}
              </p>
              {request.decisionReason ? <blockquote className="quote">{request.decisionReason}</blockquote> : null}
              {request.sphereId && request.status !== "refused" && request.status !== "pending" ? (
                <Link to="/a/$slug/spheres/$sphereId" params={{ slug, sphereId: request.sphereId }}>
                  {request.kind === "creation" && request.status === "redirected" ? t("notices.openSuggestedSphere") : t("notices.openSphere")}
                  <span className="visually-hidden"> {request.sphereName}</span>
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
