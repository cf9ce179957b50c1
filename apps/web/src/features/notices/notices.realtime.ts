import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../../components/announcer";
import { useRealtimeEvents } from "../../app/realtime";
import { useSession } from "../../app/session";
import { noticeKeys } from "./notices.queries";

/**
 * Keeps badges and "my requests" current: the server tells each reviewer in their own room when what waits for
 * them changed, and the requester hears the decisions on their requests.
 */
export function useNoticesRealtime(associationId: string): void {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const me = useSession().user;
  useRealtimeEvents(
    ["pendingReviews.changed", "sphereJoinRequest.decided", "sphereJoinRequest.cancelled", "sphereCreationRequest.created", "sphereCreationRequest.decided"],
    (message) => {
      if (message.data.associationId !== associationId) return;
      if (message.type === "pendingReviews.changed") {
        void queryClient.invalidateQueries({ queryKey: noticeKeys.pendingReviews(associationId) });
      } else if (message.data.userId === me?.id) {
        void queryClient.invalidateQueries({ queryKey: noticeKeys.myRequests(associationId) });
        // A join decision is said by the membership news (spheres.realtime.ts); a proposed sphere's, here.
        if (message.type === "sphereCreationRequest.decided") announce(t("notices.creationDecided"));
      }
    },
  );
}
