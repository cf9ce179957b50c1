import { useRef } from "react";
import { useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Page, Sphere, SphereSummary } from "@trame/contracts";
import { useAnnounce } from "../../components/announcer";
import { useRealtimeEvents, useRealtimeRoom } from "../../app/realtime";
import { useSession } from "../../app/session";
import { associationKeys } from "../associations/associations.queries";
import { isOwnRecentMembershipChange, sphereKeys, sphereQuery } from "./spheres.queries";

/** Sphere name from what is already on screen, else one request; null when the sphere is no longer visible. */
async function sphereName(queryClient: QueryClient, associationId: string, sphereId: string): Promise<string | null> {
  const cached = queryClient.getQueryData<Sphere>(sphereKeys.one(associationId, sphereId));
  if (cached) return cached.name;
  for (const [, data] of queryClient.getQueriesData<InfiniteData<Page<SphereSummary>>>({ queryKey: ["spheres", associationId, "directory"] })) {
    const found = data?.pages.flatMap((page) => page.items).find((item) => item.id === sphereId);
    if (found) return found.name;
  }
  try {
    return (await queryClient.fetchQuery(sphereQuery(associationId, sphereId))).name;
  } catch {
    return null;
  }
}

/**
 * My membership changes in this association, pushed by the server (request approved, new role, removal):
 * the affected data is re-read and the change is said politely in the live region.
 */
export function useMembershipRealtime(associationId: string): void {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const me = useSession().user;
  // An approved request arrives as two events (the decision, the new membership), in either order: the
  // membership news waits a moment and gives way to the decision, which says more.
  const deferred = useRef(new Map<string, number>());
  const decidedAt = useRef(new Map<string, number>());

  const sayMembership = (sphereId: string, message: string) => {
    // What I just did myself (join, leave) was already said by the page.
    if (isOwnRecentMembershipChange(sphereId)) return;
    if (Date.now() - (decidedAt.current.get(sphereId) ?? 0) < 5000) return;
    window.clearTimeout(deferred.current.get(sphereId));
    deferred.current.set(
      sphereId,
      window.setTimeout(() => {
        deferred.current.delete(sphereId);
        if (Date.now() - (decidedAt.current.get(sphereId) ?? 0) >= 5000) announce(message);
      }, 1000),
    );
  };

  const noteDecision = (sphereId: string) => {
    window.clearTimeout(deferred.current.get(sphereId));
    deferred.current.delete(sphereId);
    decidedAt.current.set(sphereId, Date.now());
  };

  useRealtimeEvents(
    [
      "sphereMembership.changed",
      "sphereJoinRequest.decided",
      "sphereJoinRequest.created",
      "sphereJoinRequest.cancelled",
      "sphere.updated",
      "associationMembership.changed",
      "sphereCreationRequest.decided",
    ],
    (message) => {
      if (message.data.associationId !== associationId) return;
      switch (message.type) {
        case "sphereMembership.changed": {
          const { sphereId, userId, role } = message.data;
          const wasMember = queryClient.getQueryData<Sphere>(sphereKeys.one(associationId, sphereId))?.myRole ?? null;
          if (userId === me?.id) {
            void (async () => {
              const name = (await sphereName(queryClient, associationId, sphereId)) ?? t("realtime.aSphere");
              if (role === null) sayMembership(sphereId, t("realtime.removed", { sphere: name }));
              else if (wasMember === null) sayMembership(sphereId, t("realtime.joined", { sphere: name }));
              else sayMembership(sphereId, t("realtime.roleChanged", { sphere: name, role: t(`roles.sphere.${role}`) }));
              await queryClient.invalidateQueries({ queryKey: sphereKeys.all(associationId) });
            })();
          } else {
            void queryClient.invalidateQueries({ queryKey: sphereKeys.one(associationId, sphereId) });
          }
          return;
        }
        case "sphereJoinRequest.decided": {
          const { sphereId, userId, status } = message.data;
          if (userId === me?.id) {
            noteDecision(sphereId);
            void (async () => {
              await queryClient.invalidateQueries({ queryKey: sphereKeys.all(associationId) });
              const name = (await sphereName(queryClient, associationId, sphereId)) ?? t("realtime.aSphere");
              announce(status === "approved" ? t("realtime.requestApproved", { sphere: name }) : t("realtime.requestRefused", { sphere: name }));
            })();
          } else {
            void queryClient.invalidateQueries({ queryKey: sphereKeys.joinRequests(associationId, sphereId) });
          }
          return;
        }
        case "sphereJoinRequest.created":
          void queryClient.invalidateQueries({ queryKey: sphereKeys.joinRequests(associationId, message.data.sphereId) });
          return;
        case "sphereJoinRequest.cancelled":
          // Reviewers drop it from their list; my other open pages stop offering to cancel it.
          if (message.data.userId === me?.id) void queryClient.invalidateQueries({ queryKey: sphereKeys.all(associationId) });
          else void queryClient.invalidateQueries({ queryKey: sphereKeys.joinRequests(associationId, message.data.sphereId) });
          return;
        case "sphere.updated":
          void queryClient.invalidateQueries({ queryKey: sphereKeys.one(associationId, message.data.sphereId) });
          void queryClient.invalidateQueries({ queryKey: ["spheres", associationId, "directory"] });
          return;
        case "sphereCreationRequest.decided":
          void queryClient.invalidateQueries({ queryKey: sphereKeys.all(associationId) });
          return;
        case "associationMembership.changed":
          if (message.data.userId === me?.id) void queryClient.invalidateQueries({ queryKey: associationKeys.scope(associationId) });
          void queryClient.invalidateQueries({ queryKey: ["association", "slug"] });
          return;
      }
    },
  );
}

/** While a sphere's page is open, its room brings the changes of its members and requests. */
export function useSphereRoom(sphereId: string): void {
  useRealtimeRoom(`sphere:${sphereId}`);
}
