import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../../components/misc";
import { useFormatDate } from "../../../../app/format";
import { PagedList } from "../../../../app/paged-list";
import { auditQuery } from "../../associations.queries";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

export function AuditSection() {
  const { t, i18n } = useTranslation();
  const association = useAssociation();
  const formatDate = useFormatDate();
  const query = useInfiniteQuery(auditQuery(association.id));
  // Actions are open-ended codes ("sphere.created"); known ones are translated, others shown as they are.
  const actionLabel = (action: string) => {
    const key = `audit.action.${action.replace(/\./g, "_")}`;
    return i18n.exists(key) ? (t as (key: string) => string)(key) : action;
  };

  return (
    <AdminSection title={t("associationAdmin.section.audit")} ability="audit.read" intro={<p>{t("audit.intro")}</p>}>
      <PagedList query={query} empty={<EmptyState title={t("audit.empty")} />}>
        {(entries) => (
          <ol className="audit-list">
            {entries.map((entry) => (
              <li key={entry.id} className="audit-entry">
                <p className="audit-what">
                  <strong>{actionLabel(entry.action)}</strong>
                  {typeof entry.data.name === "string" ? ` — ${entry.data.name}` : null}
                </p>
                <p className="card-meta">
                  {t("audit.by", { name: entry.actorName ?? t("audit.system"), date: formatDate(entry.createdAt, true) })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </PagedList>
    </AdminSection>
  );
}
