import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { OutboxMessage, Page, Language } from "@trame/contracts";
import { api } from "../../app/api";
import type { AdminAssociation, OutboxMessageSummary } from "../../app/contract-types";
import { pagedQuery } from "../../app/pagination";

/** API paths of the instance administration (contracts: admin.contract.ts, associations.contract.ts). */
export const adminApi = {
  associations: "/admin/associations",
  outbox: "/admin/outbox",
  outboxMessage: (id: string) => `/admin/outbox/${id}`,
} as const;

export const adminKeys = {
  associations: (q: string) => ["admin", "associations", q] as const,
  outbox: ["admin", "outbox"] as const,
  outboxMessage: (id: string) => ["admin", "outbox", id] as const,
};

export const adminAssociationsQuery = (q: string, limit = 20) =>
  pagedQuery<AdminAssociation>(adminKeys.associations(q), (cursor, signal) =>
    api<Page<AdminAssociation>>(adminApi.associations, { query: { cursor, q, limit }, signal }),
  );

export const outboxQuery = pagedQuery<OutboxMessageSummary>(adminKeys.outbox, (cursor, signal) =>
  api<Page<OutboxMessageSummary>>(adminApi.outbox, { query: { cursor, limit: 20 }, signal }),
);

export const outboxMessageQuery = (id: string) =>
  queryOptions({
    queryKey: adminKeys.outboxMessage(id),
    queryFn: ({ signal }) => api<OutboxMessage>(adminApi.outboxMessage(id), { signal }),
  });

export interface CreateAssociationValues {
  name: string;
  slug: string;
  parentId?: string;
  language: Language;
  timeZone: string;
  ownerEmail?: string;
  ownerName?: string;
}

export function useCreateAssociation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssociationValues) => api<AdminAssociation>(adminApi.associations, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "associations"] }),
  });
}
