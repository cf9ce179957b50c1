import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import "./styles/app.css";
import { isApiError } from "./app/api";
import { guessLanguage, initI18n } from "./app/i18n";
import { createAppRouter } from "./app/router";
import { installCsrfRefresher, sessionKey, startOverSignedOut } from "./app/session";
import type { SessionState } from "@trame/contracts";

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what may pass on a second try: the network, or the server's own fault.
      retry: (failureCount, error) =>
        failureCount < 2 && isApiError(error) && (error.code === "NETWORK" || error.status >= 500),
    },
  },
  queryCache: new QueryCache({
    onError: (error) => {
      // The session ended elsewhere (signed out from another device): start again from the sign-in page.
      const session = queryClient.getQueryData<SessionState>(sessionKey);
      if (isApiError(error) && error.code === "UNAUTHENTICATED" && session?.user) startOverSignedOut();
    },
  }),
});
installCsrfRefresher(queryClient);

await initI18n(guessLanguage());
const router = createAppRouter(queryClient);

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
