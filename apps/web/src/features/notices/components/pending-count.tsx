import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { pendingReviewsQuery } from "../notices.queries";

/**
 * A count of requests waiting for me, as a small badge inside a link or a heading. The number is shown; what it
 * counts is said to screen readers ("3 demandes en attente"), so the link reads "Administration (3 demandes en
 * attente)". Nothing at all when nothing waits.
 */
export function PendingCount({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <>
      <span className="visually-hidden">({t("notices.pendingCount", { count })})</span>
      <span className="count-badge" aria-hidden="true">
        {count > 99 ? "99+" : count}
      </span>
    </>
  );
}

/** Everything waiting for an admin's review in the association: join requests of every sphere and proposed spheres. */
export function AdminPendingCount({ associationId }: { associationId: string }) {
  const pending = useQuery(pendingReviewsQuery(associationId));
  return <PendingCount count={(pending.data?.joinRequests.total ?? 0) + (pending.data?.creationRequests ?? 0)} />;
}
