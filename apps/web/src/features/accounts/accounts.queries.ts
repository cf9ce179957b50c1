import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { imageUploadField, type Avatar, type Language, type Me, type MyAssociation, type Page, type UserSession } from "@trame/contracts";
import { api } from "../../app/api";
import { pagedQuery } from "../../app/pagination";
import { refreshSession, sessionKey } from "../../app/session";
import { realtime } from "../../app/realtime";

/** API paths of the accounts module (contracts: accounts.contract.ts). */
export const accountsApi = {
  signIn: "/auth/sign-in",
  signOut: "/auth/sign-out",
  magicLink: "/auth/magic-link",
  magicLinkConsume: "/auth/magic-link/consume",
  passwordResetRequest: "/auth/password-reset/request",
  passwordResetComplete: "/auth/password-reset/complete",
  me: "/me",
  avatar: "/me/avatar",
  password: "/me/password",
  sessions: "/me/sessions",
  session: (id: string) => `/me/sessions/${encodeURIComponent(id)}`,
  signOutOthers: "/me/sessions/sign-out-others",
  myAssociations: "/me/associations",
} as const;

export const accountKeys = {
  sessions: ["me", "sessions"] as const,
  myAssociations: ["me", "associations"] as const,
};

export const myAssociationsQuery = pagedQuery<MyAssociation>(accountKeys.myAssociations, (cursor, signal) =>
  api<Page<MyAssociation>>(accountsApi.myAssociations, { query: { cursor, limit: 50 }, signal }),
);

/** The first page only, for the home page's "go straight in when there is one" decision. */
export const firstAssociationsQuery = queryOptions({
  queryKey: [...accountKeys.myAssociations, "first"],
  queryFn: ({ signal }) => api<Page<MyAssociation>>(accountsApi.myAssociations, { query: { limit: 2 }, signal }),
});

export const sessionsQuery = pagedQuery<UserSession>(accountKeys.sessions, (cursor, signal) =>
  api<Page<UserSession>>(accountsApi.sessions, { query: { cursor, limit: 20 }, signal }),
);

/** Every sign-in path ends the same way: a fresh session (and CSRF token), nothing cached from before. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return () => refreshSession(queryClient);
}

export function useSignIn() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<unknown>(accountsApi.signIn, { body }),
    onSuccess: signedIn,
  });
}

export function useRequestMagicLink() {
  return useMutation({
    mutationFn: (body: { email: string }) => api<unknown>(accountsApi.magicLink, { body }),
  });
}

export function useConsumeMagicLink() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (token: string) => api<unknown>(accountsApi.magicLinkConsume, { body: { token } }),
    onSuccess: signedIn,
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) => api<unknown>(accountsApi.passwordResetRequest, { body }),
  });
}

export function useCompletePasswordReset() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api<unknown>(accountsApi.passwordResetComplete, { body }),
    onSuccess: signedIn,
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api<unknown>(accountsApi.signOut, { method: "POST" }),
    // Closed first, so that the server's "session ended" on this socket does not race the caller, which then loads
    // the sign-in page afresh: nothing of this person stays in memory.
    onMutate: () => realtime.stop(),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName?: string; language?: Language }) => api<Me>(accountsApi.me, { method: "PATCH", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append(imageUploadField, file);
      return api<Avatar>(accountsApi.avatar, { method: "PUT", body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useRemoveAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Avatar>(accountsApi.avatar, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword?: string; newPassword: string }) => api<unknown>(accountsApi.password, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(accountsApi.session(id), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useSignOutOthers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ signedOut: number }>(accountsApi.signOutOthers, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}
