import { useQueryClient } from "@tanstack/react-query";
import { useRealtimeEvents } from "../../app/realtime";
import { useSession } from "../../app/session";
import { noticeKeys } from "./notices.queries";

/**
 * Keeps badges and "my requests" current: the server tells each reviewer in their own room when what waits for
 * them changed, and the requester hears the decisions on their requests.
 */
export function useNoticesRealtime(associationId: string): void {
  const queryClient = useQueryClient();
  const me = useSession().user;
  useRealtimeEvents(
    ["pendingReviews.changed", "sphereJoinRequest.decided", "sphereJoinRequest.cancelled", "sphereCreationRequest.created", "sphereCreationRequest.decided"],
    (message) => {
      if (message.data.associationId !== associationId) return;
      if (message.type === "pendingReviews.changed") {
        void queryClient.invalidateQueries({ queryKey: noticeKeys.pendingReviews(associationId) });
      } else if (message.data.userId === me?.id) {
        void queryClient.invalidateQueries({ queryKey: noticeKeys.myRequests(associationId) });
      }
    },
  );
}
