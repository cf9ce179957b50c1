import type { ReactNode } from "react";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Page } from "@trame/contracts";
import { Alert } from "../components/alert";
import { LoadMore } from "../components/load-more";
import { Skeleton } from "../components/misc";
import { useErrorMessage } from "./errors";
import { itemsOf } from "./pagination";

export interface PagedListProps<T> {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>, Error>;
  /** Shown instead of the list when it has no item; without it, the empty list is drawn. */
  empty?: ReactNode;
  /** How a failure to load is said; by default, the error's own sentence. */
  failure?: (error: Error) => ReactNode;
  /** Read after each page, e.g. "12 membres affichés". */
  shownLabel?: (count: number) => string;
  /** The list itself (a <ul>, an <ol>…), given every item loaded so far. */
  children: (items: T[]) => ReactNode;
}

/** A keyset-paginated list in its four states: loading, failed, empty, or its items followed by "load more". */
export function PagedList<T>({ query, empty, failure, shownLabel, children }: PagedListProps<T>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (query.isPending) return <Skeleton label={t("common.loading")} />;
  if (query.isError) return failure ? failure(query.error) : <Alert tone="error">{errorMessage(query.error)}</Alert>;
  const items = itemsOf(query.data);
  if (items.length === 0 && empty) return empty;
  return (
    <>
      {children(items)}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        shownLabel={shownLabel?.(items.length)}
      />
    </>
  );
}
