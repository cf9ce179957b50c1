import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Sphere } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { CardItem } from "../../../components/card";
import { LoadMore } from "../../../components/load-more";
import { EmptyState, Skeleton } from "../../../components/misc";
import { useErrorMessage } from "../../../app/errors";
import { itemsOf } from "../../../app/pagination";
import { useFormatDate } from "../../../app/format";
import { joinRequestsQuery, useDecideJoinRequest } from "../spheres.queries";
import { ReviewActions } from "./review-actions";

/** Pending requests to join, for those who review them: approve or refuse each. */
export function JoinRequests({ associationId, sphere }: { associationId: string; sphere: Sphere }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const query = useInfiniteQuery(joinRequestsQuery(associationId, sphere.id));
  const decide = useDecideJoinRequest(associationId, sphere.id);
  const requests = itemsOf(query.data).filter((request) => request.status === "pending");

  if (query.isPending) return <Skeleton label={t("common.loading")} lines={2} />;
  if (query.isError) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  return (
    <>
      {decide.error ? <Alert tone="error">{errorMessage(decide.error)}</Alert> : null}
      {requests.length === 0 ? (
        <EmptyState title={t("sphere.noRequests")} />
      ) : (
        <ul className="card-list">
          {requests.map((request) => (
            <CardItem key={request.id}>
              <p className="card-title-text">{request.displayName}</p>
              <p className="card-meta">{t("sphere.requestedOn", { date: formatDate(request.createdAt) })}</p>
              {request.message ? <blockquote className="quote">{request.message}</blockquote> : null}
              <ReviewActions
                busy={decide.isPending}
                onApprove={() =>
                  decide.mutate(
                    { requestId: request.id, decision: "approve" },
                    { onSuccess: () => announce(t("sphere.requestApproved", { name: request.displayName })) },
                  )
                }
                onRefuse={() =>
                  decide.mutate(
                    { requestId: request.id, decision: "refuse" },
                    { onSuccess: () => announce(t("sphere.requestRefused", { name: request.displayName })) },
                  )
                }
              />
            </CardItem>
          ))}
        </ul>
      )}
      <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
    </>
  );
}
