import { infiniteQueryOptions, type InfiniteData, type QueryKey } from "@tanstack/react-query";
import type { Page } from "@trame/contracts";

/** Options for a keyset-paginated list (`{ items, nextCursor }`) shown with an "Afficher plus" button. */
export function pagedQuery<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
}

export function itemsOf<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}
