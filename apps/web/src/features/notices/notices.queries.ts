import { queryOptions } from "@tanstack/react-query";
import type { MyRequest, PendingReviews } from "@trame/contracts";
import { api } from "../../app/api";

/** API paths of notices (contracts: notices.contract.ts). */
export const noticesApi = {
  pendingReviews: (associationId: string) => `/associations/${associationId}/pending-reviews`,
  myRequests: (associationId: string) => `/associations/${associationId}/my-requests`,
} as const;

export const noticeKeys = {
  all: (associationId: string) => ["notices", associationId] as const,
  pendingReviews: (associationId: string) => ["notices", associationId, "pendingReviews"] as const,
  myRequests: (associationId: string) => ["notices", associationId, "myRequests"] as const,
};

/** What waits for my review here: badges on "Administration", on my spheres and on the requests. */
export const pendingReviewsQuery = (associationId: string) =>
  queryOptions({
    queryKey: noticeKeys.pendingReviews(associationId),
    queryFn: ({ signal }) => api<PendingReviews>(noticesApi.pendingReviews(associationId), { signal }),
    // Kept fresh by `pendingReviews.changed` in my own room (notices.realtime.ts).
    staleTime: 5 * 60_000,
  });

export const myRequestsQuery = (associationId: string) =>
  queryOptions({
    queryKey: noticeKeys.myRequests(associationId),
    queryFn: ({ signal }) => api<{ items: MyRequest[] }>(noticesApi.myRequests(associationId), { signal }),
  });

/** Pending join requests of one sphere, as counted for me (0 when I do not review it). */
export function pendingForSphere(pending: PendingReviews | undefined, sphereId: string): number {
  return pending?.joinRequests.spheres.find((s) => s.sphereId === sphereId)?.count ?? 0;
}
