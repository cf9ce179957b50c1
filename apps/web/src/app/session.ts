import { queryOptions, useSuspenseQuery, type QueryClient } from "@tanstack/react-query";
import type { Me, SessionState } from "@trame/contracts";
import { api, setCsrfRefresher, setCsrfToken } from "./api";

export const sessionKey = ["session"] as const;

/** Who is here (or nobody), the CSRF token, and whether the instance still needs its set-up. */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async () => {
    const session = await api<SessionState>("/session");
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 5 * 60_000,
});

export function useSession(): SessionState {
  return useSuspenseQuery(sessionQuery).data;
}

/** The signed-in person; pages under a signed-in guard only. */
export function useMe(): Me {
  const session = useSession();
  if (!session.user) throw new Error("useMe() outside a signed-in page");
  return session.user;
}

/** After sign-in, sign-out or set-up: forget everything cached for the previous person and read the session again. */
export async function refreshSession(queryClient: QueryClient): Promise<SessionState> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  return queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

/** The session ended elsewhere: start again from the sign-in page, with a full load (nothing of this person stays). */
export function startOverSignedOut(): void {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?redirect=${encodeURIComponent(here)}`);
}

/**
 * The server closed the real-time socket because its session ended (signed out from another device, password
 * changed or reset): the session is read again; still the same person (signed in again meanwhile, in another tab),
 * the socket comes back, otherwise the page starts over signed out.
 */
export async function handleSessionEnded(queryClient: QueryClient, userId: string, resume: () => void): Promise<void> {
  // Read outside the cache first: a cached `user: null` would re-render pages that need someone signed in.
  const session = await api<SessionState>("/session").catch(() => null);
  if (session?.user?.id !== userId) {
    startOverSignedOut();
    return;
  }
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionKey, session);
  resume();
}

export function installCsrfRefresher(queryClient: QueryClient): void {
  setCsrfRefresher(async () => {
    await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
  });
}
