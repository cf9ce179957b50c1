import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SetupBody, SetupResult } from "@trame/contracts";
import { api } from "../../app/api";
import { refreshSession } from "../../app/session";

export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api<SetupResult>("/setup", { body }),
    onSuccess: () => refreshSession(queryClient),
  });
}
