import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Invitation, Page } from "@trame/contracts";
import { api } from "../../app/api";
import type {
  AcceptInvitationResult,
  EmailInvitationsResult,
  InvitationPreview,
  JoinedInvitation,
  LinkInvitationResult,
} from "../../app/contract-types";
import { pagedQuery } from "../../app/pagination";
import { refreshSession } from "../../app/session";

/** API paths of the invitations module (contracts: invitations.contract.ts). */
export const invitationsApi = {
  preview: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  accept: (token: string) => `/invitations/${encodeURIComponent(token)}/accept`,
  confirm: "/invitations/confirm",
  byEmail: (associationId: string) => `/associations/${associationId}/invitations/emails`,
  byLink: (associationId: string) => `/associations/${associationId}/invitations/links`,
  list: (associationId: string) => `/associations/${associationId}/invitations`,
  revoke: (associationId: string, invitationId: string) => `/associations/${associationId}/invitations/${invitationId}`,
} as const;

export const invitationKeys = {
  preview: (token: string) => ["invitation", token] as const,
  list: (associationId: string, sphereId: string | null) => ["invitations", associationId, sphereId ?? "all"] as const,
};

export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: invitationKeys.preview(token),
    queryFn: ({ signal }) => api<InvitationPreview>(invitationsApi.preview(token), { signal }),
    retry: false,
  });

export const invitationsQuery = (associationId: string, sphereId: string | null) =>
  pagedQuery<Invitation>(invitationKeys.list(associationId, sphereId), (cursor, signal) =>
    api<Page<Invitation>>(invitationsApi.list(associationId), { query: { cursor, limit: 20, sphereId: sphereId ?? undefined }, signal }),
  );

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName?: string; email?: string; password?: string }) =>
      api<AcceptInvitationResult>(invitationsApi.accept(token), { body }),
    // Accepting may have created the account and signed in: read the session again (not when a mail completes it).
    onSuccess: (result) => (result.outcome === "joined" ? refreshSession(queryClient) : undefined),
  });
}

/** The link mailed by an acceptance answered `emailSent`: completes it and signs in. */
export function useConfirmInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api<JoinedInvitation>(invitationsApi.confirm, { body: { token } }),
    onSuccess: () => refreshSession(queryClient),
  });
}

export interface InvitationTarget {
  associationRole?: "admin" | "member" | "guest";
  sphereId?: string;
  sphereRole?: "moderator" | "member" | "guest";
}

export function useInviteByEmail(associationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationTarget & { emails: string; message?: string }) =>
      api<EmailInvitationsResult>(invitationsApi.byEmail(associationId), { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invitations", associationId] }),
  });
}

export function useCreateInvitationLink(associationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationTarget & { expiresInDays: number; maxUses: number }) =>
      api<LinkInvitationResult>(invitationsApi.byLink(associationId), { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invitations", associationId] }),
  });
}

export function useRevokeInvitation(associationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api<unknown>(invitationsApi.revoke(associationId, invitationId), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invitations", associationId] }),
  });
}
