import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LazyBoundary } from "../../../components/lazy";
import { Skeleton } from "../../../components/misc";

/** A part of a sphere's page, named by its heading; tools loaded on demand show a placeholder meanwhile. */
export function SphereSection({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <LazyBoundary fallback={<Skeleton label={t("common.loading")} lines={2} />}>{children}</LazyBoundary>
    </section>
  );
}
