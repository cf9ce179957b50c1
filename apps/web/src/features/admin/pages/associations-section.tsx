import { useState } from "react";
import { Link } from "@tanstack/react-router";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { CardItem } from "../../../components/card";
import { Dialog } from "../../../components/dialog";
import { Form } from "../../../components/form";
import { EmptyState } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { SearchField, useDebouncedValue } from "../../../components/search-field";
import { TextField } from "../../../components/text-field";
import { useFormatDate } from "../../../app/format";
import { useFormValidation } from "../../../app/form-validation";
import { PagedList } from "../../../app/paged-list";
import { itemsOf } from "../../../app/pagination";
import { looksLikeEmail } from "../../../app/text";
import type { AdminAssociation } from "../../../app/contract-types";
import { AssociationFormFields, newAssociationDraft, slugOf, useAssociationChecks, type AssociationDraft } from "../../associations/components/association-form-fields";
import { adminAssociationsQuery, useCreateAssociation } from "../admin.queries";

export function AssociationsSection() {
  const { t } = useTranslation();
  useDocumentTitle([t("instanceAdmin.associations"), t("instanceAdmin.title"), t("app.name")]);
  const formatDate = useFormatDate();
  const [q, setQ] = useState("");
  const [creating, setCreating] = useState(false);
  const query = useInfiniteQuery(adminAssociationsQuery(q));

  return (
    <section>
      <div className="page-header">
        <RouteHeading level={2}>{t("instanceAdmin.associations")}</RouteHeading>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t("instanceAdmin.createAssociation")}
        </Button>
      </div>
      <SearchField label={t("instanceAdmin.searchAssociations")} onSearch={setQ} />
      <PagedList query={query} empty={<EmptyState title={q ? t("instanceAdmin.noMatch", { q }) : t("instanceAdmin.noAssociations")} />}>
        {(associations) => (
          <ul className="card-list">
            {associations.map((association) => (
              <CardItem key={association.id}>
                <Link to="/a/$slug" params={{ slug: association.slug }} className="card-title">
                  {association.name}
                </Link>
                <p className="card-meta">
                  /a/{association.slug} · {t("instanceAdmin.memberCount", { count: association.memberCount })} ·{" "}
                  {t("instanceAdmin.createdOn", { date: formatDate(association.createdAt) })}
                </p>
              </CardItem>
            ))}
          </ul>
        )}
      </PagedList>
      {creating ? <CreateAssociationDialog onClose={() => setCreating(false)} /> : null}
    </section>
  );
}

function CreateAssociationDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const create = useCreateAssociation();
  const form = useFormValidation(create.error);
  const checks = useAssociationChecks();
  const [draft, setDraft] = useState<AssociationDraft>(() => newAssociationDraft(i18n.language));
  const [ownerEmail, setOwnerEmail] = useState("");
  const [ownerName, setOwnerName] = useState("");
  const [parent, setParent] = useState<AdminAssociation | null>(null);
  const slug = slugOf(draft);

  const submit = () => {
    const valid = form.validate({
      name: checks.name(draft.name),
      slug: checks.slug(slug),
      ownerEmail: ownerEmail.trim() !== "" && !looksLikeEmail(ownerEmail) && t("validation.email"),
    });
    if (!valid) return;
    create.mutate(
      {
        name: draft.name.trim(),
        slug,
        language: draft.language,
        timeZone: draft.timeZone,
        ...(parent ? { parentId: parent.id } : {}),
        ...(ownerEmail.trim() ? { ownerEmail: ownerEmail.trim() } : {}),
        ...(ownerName.trim() ? { ownerName: ownerName.trim() } : {}),
      },
      {
        onSuccess: (created) => {
          announce(t("instanceAdmin.created", { name: created.name }));
          onClose();
        },
      },
    );
  };

  return (
    <Dialog open onClose={onClose} title={t("instanceAdmin.createAssociation")} wide>
      <Form onSubmit={submit} submitError={create.error} errorSummary={form.summary}>
        <AssociationFormFields draft={draft} onChange={setDraft} withSlug errors={{ name: form.fieldError("name"), slug: form.fieldError("slug") }} />
        <ParentPicker value={parent} onChange={setParent} />
        <fieldset className="fieldset">
          <legend>{t("instanceAdmin.ownerLegend")}</legend>
          <p className="field-hint">{t("instanceAdmin.ownerHint")}</p>
          <TextField
            label={t("instanceAdmin.ownerEmail")}
            type="email"
            value={ownerEmail}
            onChange={setOwnerEmail}
            error={form.fieldError("ownerEmail")}
          />
          <TextField label={t("instanceAdmin.ownerName")} value={ownerName} onChange={setOwnerName} error={form.serverFieldError("ownerName")} />
        </fieldset>
        <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t("common.sending")}>
          {t("instanceAdmin.createSubmit")}
        </Button>
      </Form>
    </Dialog>
  );
}

/** The parent association of a federation: search by name, pick one (or none). */
function ParentPicker({ value, onChange }: { value: AdminAssociation | null; onChange: (value: AdminAssociation | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const query = useInfiniteQuery({ ...adminAssociationsQuery(q, 8), enabled: q.length > 0 });
  const results = itemsOf(query.data);
  return (
    <fieldset className="fieldset">
      <legend>{t("instanceAdmin.parent")}</legend>
      <p className="field-hint">{t("instanceAdmin.parentHint")}</p>
      <TextField label={t("instanceAdmin.parentSearch")} type="search" value={text} onChange={setText} autoComplete="off" />
      <div className="checkbox">
        <input type="radio" id="parent-none" name="parent" checked={value === null} onChange={() => onChange(null)} />
        <label htmlFor="parent-none">{t("instanceAdmin.noParent")}</label>
      </div>
      {value && !results.some((r) => r.id === value.id) ? (
        <div className="checkbox">
          <input type="radio" id="parent-current" name="parent" checked onChange={() => onChange(value)} />
          <label htmlFor="parent-current">{value.name}</label>
        </div>
      ) : null}
      {results.map((association) => (
        <div className="checkbox" key={association.id}>
          <input
            type="radio"
            id={`parent-${association.id}`}
            name="parent"
            checked={value?.id === association.id}
            onChange={() => onChange(association)}
          />
          <label htmlFor={`parent-${association.id}`}>{association.name}</label>
        </div>
      ))}
    </fieldset>
  );
}
