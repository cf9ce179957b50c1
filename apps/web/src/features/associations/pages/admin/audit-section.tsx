import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { auditActions, type AuditAction, type AuditFilter } from "@trame/contracts";
import { Button, buttonClass } from "../../../../components/button";
import { EmptyState } from "../../../../components/misc";
import { Select } from "../../../../components/select";
import { TextField } from "../../../../components/text-field";
import { useFormatDate } from "../../../../app/format";
import { PagedList } from "../../../../app/paged-list";
import { auditCsvUrl, auditQuery } from "../../associations.queries";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";
import { auditSentence } from "./audit-sentence";

/** The audit log: one sentence per action, filters by action, person and period, and its CSV export. */
export function AuditSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const formatDate = useFormatDate();
  const [action, setAction] = useState<AuditAction | "">("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const filter: AuditFilter = {
    ...(action ? { action } : {}),
    ...(actor ? { actorId: actor.id } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const filtered = Object.keys(filter).length > 0;
  const query = useInfiniteQuery(auditQuery(association.id, filter));
  const actionLabel = (a: string) => t(`audit.action.${a.replace(/\./g, "_")}`, { defaultValue: a });

  return (
    <AdminSection title={t("associationAdmin.section.audit")} ability="audit.read" intro={<p>{t("audit.intro")}</p>}>
      <div className="audit-filters" role="group" aria-label={t("audit.filters")}>
        <Select
          label={t("audit.filterAction")}
          value={action}
          onChange={setAction}
          required={false}
          options={[{ value: "" as const, label: t("audit.allActions") }, ...auditActions.map((a) => ({ value: a, label: actionLabel(a) }))]}
        />
        <TextField label={t("audit.from")} type="date" value={from} onChange={setFrom} max={to || undefined} />
        <TextField label={t("audit.to")} type="date" value={to} onChange={setTo} min={from || undefined} />
      </div>
      {actor ? (
        <p className="audit-person">
          {t("audit.personFilter", { name: actor.name })}{" "}
          <Button small variant="quiet" onClick={() => setActor(null)}>
            {t("audit.clearPerson")}
          </Button>
        </p>
      ) : null}
      <p className="audit-export">
        <a className={buttonClass("secondary", true)} href={auditCsvUrl(association.id, filter)} download>
          {filtered ? t("audit.exportFiltered") : t("audit.export")}
        </a>
      </p>
      <PagedList query={query} empty={<EmptyState title={filtered ? t("audit.noMatch") : t("audit.empty")} />}>
        {(entries) => (
          <ol className="audit-list">
            {entries.map((entry) => {
              const sentence = auditSentence(entry, t);
              return (
                <li key={entry.id} className="audit-entry">
                  <p className="audit-what">{sentence.text}</p>
                  {sentence.change ? <p className="audit-change">{sentence.change}</p> : null}
                  {sentence.detail ? <p className="audit-detail">{sentence.detail}</p> : null}
                  <p className="card-meta">
                    <time dateTime={entry.createdAt}>{formatDate(entry.createdAt, true)}</time>
                    {entry.actorId && entry.actorName && actor?.id !== entry.actorId ? (
                      <>
                        {" · "}
                        <button type="button" className="link-button" onClick={() => setActor({ id: entry.actorId!, name: entry.actorName! })}>
                          {t("audit.onlyPerson", { name: entry.actorName })}
                        </button>
                      </>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </PagedList>
    </AdminSection>
  );
}
