import { useTranslation } from "react-i18next";

export interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** e.g. "12 sphères affichées" — read after loading so the person knows what happened. */
  shownLabel?: string;
}

/** Keyset lists grow on demand: a real button, never infinite scroll (keyboard and screen readers keep their place). */
export function LoadMore({ hasMore, loading, onLoadMore, shownLabel }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      {shownLabel ? (
        <p className="load-more-count" role="status">
          {shownLabel}
        </p>
      ) : null}
      {hasMore ? (
        <button type="button" className="btn btn-secondary" onClick={() => !loading && onLoadMore()} aria-disabled={loading || undefined} aria-busy={loading || undefined}>
          {loading ? t("components.loadMore.loading") : t("components.loadMore.more")}
        </button>
      ) : null}
    </div>
  );
}
