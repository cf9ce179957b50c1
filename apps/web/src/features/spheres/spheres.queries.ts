import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  Page,
  Sphere,
  SphereCreationRequest,
  SphereJoinRequest,
  SphereMember,
  SphereRole,
  SphereSummary,
  SphereVisibility,
} from "@trame/contracts";
import { api } from "../../app/api";
import { pagedQuery } from "../../app/pagination";

/** API paths of the spheres module (contracts: spheres.contract.ts). */
export const spheresApi = {
  directory: (associationId: string) => `/associations/${associationId}/spheres`,
  one: (associationId: string, sphereId: string) => `/associations/${associationId}/spheres/${sphereId}`,
  archive: (associationId: string, sphereId: string) => `/associations/${associationId}/spheres/${sphereId}/archive`,
  unarchive: (associationId: string, sphereId: string) => `/associations/${associationId}/spheres/${sphereId}/unarchive`,
  join: (associationId: string, sphereId: string) => `/associations/${associationId}/spheres/${sphereId}/join`,
  leave: (associationId: string, sphereId: string) => `/associations/${associationId}/spheres/${sphereId}/leave`,
  joinRequests: (associationId: string, sphereId: string) => `/associations/${associationId}/spheres/${sphereId}/join-requests`,
  joinRequestDecision: (associationId: string, sphereId: string, requestId: string) =>
    `/associations/${associationId}/spheres/${sphereId}/join-requests/${requestId}/decision`,
  cancelJoinRequest: (associationId: string, sphereId: string, requestId: string) =>
    `/associations/${associationId}/spheres/${sphereId}/join-requests/${requestId}/cancel`,
  members: (associationId: string, sphereId: string) => `/associations/${associationId}/spheres/${sphereId}/members`,
  member: (associationId: string, sphereId: string, userId: string) =>
    `/associations/${associationId}/spheres/${sphereId}/members/${userId}`,
  creationRequests: (associationId: string) => `/associations/${associationId}/sphere-requests`,
  creationRequestDecision: (associationId: string, requestId: string) =>
    `/associations/${associationId}/sphere-requests/${requestId}/decision`,
} as const;

export interface DirectoryFilters {
  q: string;
  mine: boolean;
  parentId: string | null;
  includeArchived?: boolean;
}

export const sphereKeys = {
  all: (associationId: string) => ["spheres", associationId] as const,
  directory: (associationId: string, filters: DirectoryFilters) => ["spheres", associationId, "directory", filters] as const,
  one: (associationId: string, sphereId: string) => ["spheres", associationId, "sphere", sphereId] as const,
  members: (associationId: string, sphereId: string, q: string) => ["spheres", associationId, "sphere", sphereId, "members", q] as const,
  joinRequests: (associationId: string, sphereId: string) => ["spheres", associationId, "sphere", sphereId, "join-requests"] as const,
  creationRequests: (associationId: string, status: string) => ["spheres", associationId, "creation-requests", status] as const,
};

export const sphereDirectoryQuery = (associationId: string, filters: DirectoryFilters, limit = 20) =>
  pagedQuery<SphereSummary>(sphereKeys.directory(associationId, filters), (cursor, signal) =>
    api<Page<SphereSummary>>(spheresApi.directory(associationId), {
      query: {
        cursor,
        limit,
        q: filters.q,
        mine: filters.mine ? "true" : undefined,
        parentId: filters.parentId ?? undefined,
        includeArchived: filters.includeArchived ? "true" : undefined,
      },
      signal,
    }),
  );

export const sphereQuery = (associationId: string, sphereId: string) =>
  queryOptions({
    queryKey: sphereKeys.one(associationId, sphereId),
    queryFn: ({ signal }) => api<Sphere>(spheresApi.one(associationId, sphereId), { signal }),
  });

export const sphereMembersQuery = (associationId: string, sphereId: string, q: string) =>
  pagedQuery<SphereMember>(sphereKeys.members(associationId, sphereId, q), (cursor, signal) =>
    api<Page<SphereMember>>(spheresApi.members(associationId, sphereId), { query: { cursor, q, limit: 20 }, signal }),
  );

export const joinRequestsQuery = (associationId: string, sphereId: string) =>
  pagedQuery<SphereJoinRequest>(sphereKeys.joinRequests(associationId, sphereId), (cursor, signal) =>
    api<Page<SphereJoinRequest>>(spheresApi.joinRequests(associationId, sphereId), { query: { cursor, limit: 20 }, signal }),
  );

export const creationRequestsQuery = (associationId: string, status: SphereCreationRequest["status"] | "all") =>
  pagedQuery<SphereCreationRequest>(sphereKeys.creationRequests(associationId, status), (cursor, signal) =>
    api<Page<SphereCreationRequest>>(spheresApi.creationRequests(associationId), {
      query: { cursor, limit: 20, status: status === "all" ? undefined : status },
      signal,
    }),
  );

export interface SphereFormValues {
  name: string;
  description: string;
  visibility: SphereVisibility;
  parentId?: string;
}

/** Anything that changes a sphere or its members: re-read every sphere list and page of this association. */
function useSpheresChanged(associationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sphereKeys.all(associationId) });
}

export function useCreateSphere(associationId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: (body: SphereFormValues) => api<Sphere>(spheresApi.directory(associationId), { body }),
    onSuccess: changed,
  });
}

export function useRequestSphereCreation(associationId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: (body: SphereFormValues & { reason: string }) => api<SphereCreationRequest>(spheresApi.creationRequests(associationId), { body }),
    onSuccess: changed,
  });
}

export function useUpdateSphere(associationId: string, sphereId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: (body: Partial<Omit<SphereFormValues, "parentId">>) =>
      api<Sphere>(spheresApi.one(associationId, sphereId), { method: "PATCH", body }),
    onSuccess: changed,
  });
}

export function useArchiveSphere(associationId: string, sphereId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: (archived: boolean) =>
      api<unknown>(archived ? spheresApi.archive(associationId, sphereId) : spheresApi.unarchive(associationId, sphereId), { method: "POST" }),
    onSuccess: changed,
  });
}

export function useDeleteSphere(associationId: string, sphereId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmName: string) => api<unknown>(spheresApi.one(associationId, sphereId), { method: "DELETE", body: { confirmName } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sphereKeys.one(associationId, sphereId) });
      return queryClient.invalidateQueries({ queryKey: sphereKeys.all(associationId) });
    },
  });
}

/** Spheres whose membership I changed myself just now: the real-time echo of it needs no announcement. */
const ownMembershipChanges = new Map<string, number>();

export function isOwnRecentMembershipChange(sphereId: string): boolean {
  return Date.now() - (ownMembershipChanges.get(sphereId) ?? 0) < 5000;
}

/** Joining or leaving, noted as my own change first (see isOwnRecentMembershipChange). */
function useOwnMembershipChange(associationId: string, sphereId: string, path: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: () => {
      ownMembershipChanges.set(sphereId, Date.now());
      return api<unknown>(path, { method: "POST" });
    },
    onSuccess: changed,
  });
}

export function useJoinSphere(associationId: string, sphereId: string) {
  return useOwnMembershipChange(associationId, sphereId, spheresApi.join(associationId, sphereId));
}

export function useRequestToJoin(associationId: string, sphereId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: (message: string) => api<SphereJoinRequest>(spheresApi.joinRequests(associationId, sphereId), { body: { message } }),
    onSuccess: changed,
  });
}

/** Withdraws my own pending request (the sphere says which one: Sphere.myPendingRequestId). */
export function useCancelJoinRequest(associationId: string, sphereId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: (requestId: string) =>
      api<SphereJoinRequest>(spheresApi.cancelJoinRequest(associationId, sphereId, requestId), { method: "POST" }),
    onSuccess: changed,
  });
}

export function useLeaveSphere(associationId: string, sphereId: string) {
  return useOwnMembershipChange(associationId, sphereId, spheresApi.leave(associationId, sphereId));
}

export function useDecideJoinRequest(associationId: string, sphereId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: ({ requestId, decision, reason }: { requestId: string; decision: "approve" | "refuse"; reason?: string }) =>
      api<unknown>(spheresApi.joinRequestDecision(associationId, sphereId, requestId), { body: { decision, reason: reason || undefined } }),
    onSuccess: changed,
  });
}

export function useChangeSphereRole(associationId: string, sphereId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: SphereRole }) =>
      api<unknown>(spheresApi.member(associationId, sphereId, userId), { method: "PATCH", body: { role } }),
    onSuccess: changed,
  });
}

export function useRemoveSphereMember(associationId: string, sphereId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: (userId: string) => api<unknown>(spheresApi.member(associationId, sphereId, userId), { method: "DELETE" }),
    onSuccess: changed,
  });
}

export type CreationDecision =
  | { decision: "approve" }
  | { decision: "refuse"; reason: string }
  | { decision: "redirect"; existingSphereId: string; reason?: string };

export function useDecideCreationRequest(associationId: string) {
  const changed = useSpheresChanged(associationId);
  return useMutation({
    mutationFn: ({ requestId, ...body }: CreationDecision & { requestId: string }) =>
      api<SphereCreationRequest>(spheresApi.creationRequestDecision(associationId, requestId), { body }),
    onSuccess: changed,
  });
}
