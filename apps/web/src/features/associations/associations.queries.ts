import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { imageUploadField } from "@trame/contracts";
import type {
  Association,
  AssociationLogo,
  AssociationMember,
  AuditEntry,
  ModuleName,
  Page,
  SphereCreationPolicy,
  Language,
  AssociationRole,
  AuditFilter,
} from "@trame/contracts";
import { api, apiUrl, isApiError } from "../../app/api";
import type { AssociationBranding, Charter } from "../../app/contract-types";
import { pagedQuery } from "../../app/pagination";
import { accountKeys } from "../accounts/accounts.queries";

/** API paths of the associations module (contracts: associations.contract.ts). */
export const associationsApi = {
  bySlug: (slug: string) => `/associations/by-slug/${encodeURIComponent(slug)}`,
  branding: (slug: string) => `/associations/by-slug/${encodeURIComponent(slug)}/branding`,
  one: (id: string) => `/associations/${id}`,
  logo: (id: string) => `/associations/${id}/logo`,
  charter: (id: string) => `/associations/${id}/charter`,
  members: (id: string) => `/associations/${id}/members`,
  member: (id: string, userId: string) => `/associations/${id}/members/${userId}`,
  audit: (id: string) => `/associations/${id}/audit`,
  auditCsv: (id: string) => `/associations/${id}/audit.csv`,
} as const;

export const associationKeys = {
  bySlug: (slug: string) => ["association", "slug", slug] as const,
  branding: (slug: string) => ["association", "slug", slug, "branding"] as const,
  scope: (id: string) => ["association", id] as const,
  charter: (id: string) => ["association", id, "charter"] as const,
  members: (id: string, q: string, role: AssociationRole | "" = "") => ["association", id, "members", q, role] as const,
  audit: (id: string, filter: AuditFilter = {}) => ["association", id, "audit", filter] as const,
};

export const associationBySlugQuery = (slug: string) =>
  queryOptions({
    queryKey: associationKeys.bySlug(slug),
    queryFn: ({ signal }) => api<Association>(associationsApi.bySlug(slug), { signal }),
    staleTime: 60_000,
  });

/**
 * Name, logo and colours, readable without an account when the association has a public sphere (NOT_FOUND
 * otherwise): what its public pages wear for people outside it.
 */
export const associationBrandingQuery = (slug: string) =>
  queryOptions({
    queryKey: associationKeys.branding(slug),
    queryFn: ({ signal }) => api<AssociationBranding>(associationsApi.branding(slug), { signal }),
    staleTime: 60_000,
  });

/** The current charter; only asked for when one was published (Association.charterVersion), else it is a 404. */
export const charterQuery = (associationId: string) =>
  queryOptions({
    queryKey: associationKeys.charter(associationId),
    queryFn: async ({ signal }) => {
      try {
        return await api<Charter>(associationsApi.charter(associationId), { signal });
      } catch (error) {
        // No charter published yet.
        if (isApiError(error) && error.code === "NOT_FOUND") return null;
        throw error;
      }
    },
  });

export const associationMembersQuery = (associationId: string, q: string, role: AssociationRole | "" = "") =>
  pagedQuery<AssociationMember>(associationKeys.members(associationId, q, role), (cursor, signal) =>
    api<Page<AssociationMember>>(associationsApi.members(associationId), { query: { cursor, q, role, limit: 20 }, signal }),
  );

export const auditQuery = (associationId: string, filter: AuditFilter = {}) =>
  pagedQuery<AuditEntry>(associationKeys.audit(associationId, filter), (cursor, signal) =>
    api<Page<AuditEntry>>(associationsApi.audit(associationId), { query: { cursor, limit: 30, ...filter }, signal }),
  );

/** The address of the CSV export of the audit log with these filters (a plain link: the browser downloads it). */
export const auditCsvUrl = (associationId: string, filter: AuditFilter) => apiUrl(associationsApi.auditCsv(associationId), { ...filter });

export interface UpdateAssociationBody {
  name?: string;
  language?: Language;
  timeZone?: string;
  primaryColor?: string;
  accentColor?: string;
  enabledModules?: ModuleName[];
  sphereCreationPolicy?: SphereCreationPolicy;
}

/** After a change to the association, its page (found by slug) and the list of my associations are re-read. */
function useAssociationChanged() {
  const queryClient = useQueryClient();
  return async (association?: Association) => {
    if (association) queryClient.setQueryData(associationKeys.bySlug(association.slug), association);
    await queryClient.invalidateQueries({ queryKey: ["association"] });
    await queryClient.invalidateQueries({ queryKey: accountKeys.myAssociations });
  };
}

export function useUpdateAssociation(associationId: string) {
  const changed = useAssociationChanged();
  return useMutation({
    mutationFn: (body: UpdateAssociationBody) => api<Association>(associationsApi.one(associationId), { method: "PATCH", body }),
    onSuccess: (association) => changed(association),
  });
}

export function useUploadLogo(associationId: string) {
  const changed = useAssociationChanged();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append(imageUploadField, file);
      return api<AssociationLogo>(associationsApi.logo(associationId), { method: "PUT", body: form });
    },
    onSuccess: () => changed(),
  });
}

export function useRemoveLogo(associationId: string) {
  const changed = useAssociationChanged();
  return useMutation({
    mutationFn: () => api<AssociationLogo>(associationsApi.logo(associationId), { method: "DELETE" }),
    onSuccess: () => changed(),
  });
}

export function usePublishCharter(associationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<Charter>(associationsApi.charter(associationId), { method: "PUT", body: { body } }),
    onSuccess: async (published) => {
      // The answer is the new current version: no need to ask again (and, for a first charter, the query
      // becomes enabled only once the association's charterVersion is re-read just below).
      queryClient.setQueryData(associationKeys.charter(associationId), published);
      await queryClient.invalidateQueries({ queryKey: ["association", "slug"] });
    },
  });
}

export function useChangeAssociationRole(associationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: AssociationRole }) =>
      api<unknown>(associationsApi.member(associationId, userId), { method: "PATCH", body: { role } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["association", associationId, "members"] }),
  });
}

export function useRemoveAssociationMember(associationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<unknown>(associationsApi.member(associationId, userId), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["association", associationId, "members"] }),
  });
}
