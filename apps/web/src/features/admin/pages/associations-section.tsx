import { useMemo, useState } from "react";
import { Link } from "@tanstack/react-router";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Language } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";
import { compactErrors, Form } from "../../../components/form";
import { LoadMore } from "../../../components/load-more";
import { EmptyState, Skeleton } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { SearchField, useDebouncedValue } from "../../../components/search-field";
import { Select } from "../../../components/select";
import { TextField } from "../../../components/text-field";
import { useErrorMessage, useFormErrors } from "../../../app/errors";
import { useFormatDate } from "../../../app/format";
import { itemsOf } from "../../../app/pagination";
import { looksLikeEmail, slugify, slugPattern } from "../../../app/text";
import { listTimeZones } from "../../../app/time-zones";
import type { AdminAssociation } from "../../../app/contract-types";
import { adminAssociationsQuery, useCreateAssociation } from "../admin.queries";

export function AssociationsSection() {
  const { t } = useTranslation();
  useDocumentTitle([t("instanceAdmin.associations"), t("instanceAdmin.title"), t("app.name")]);
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const [q, setQ] = useState("");
  const [creating, setCreating] = useState(false);
  const query = useInfiniteQuery(adminAssociationsQuery(q));
  const associations = itemsOf(query.data);

  return (
    <section>
      <div className="page-header">
        <RouteHeading level={2}>{t("instanceAdmin.associations")}</RouteHeading>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t("instanceAdmin.createAssociation")}
        </Button>
      </div>
      <SearchField label={t("instanceAdmin.searchAssociations")} onSearch={setQ} />
      {query.isPending ? (
        <Skeleton label={t("common.loading")} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : associations.length === 0 ? (
        <EmptyState title={q ? t("instanceAdmin.noMatch", { q }) : t("instanceAdmin.noAssociations")} />
      ) : (
        <>
          <ul className="card-list">
            {associations.map((association) => (
              <li key={association.id} className="card">
                <div className="card-main">
                  <Link to="/a/$slug" params={{ slug: association.slug }} className="card-title">
                    {association.name}
                  </Link>
                  <p className="card-meta">
                    /a/{association.slug} · {t("instanceAdmin.memberCount", { count: association.memberCount })} ·{" "}
                    {t("instanceAdmin.createdOn", { date: formatDate(association.createdAt) })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
        </>
      )}
      {creating ? <CreateAssociationDialog onClose={() => setCreating(false)} /> : null}
    </section>
  );
}

function CreateAssociationDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const create = useCreateAssociation();
  const serverErrors = useFormErrors(create.error);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [language, setLanguage] = useState<Language>(i18n.language === "en" ? "en" : "fr");
  const [timeZone, setTimeZone] = useState("Europe/Paris");
  const [ownerEmail, setOwnerEmail] = useState("");
  const [ownerName, setOwnerName] = useState("");
  const [parent, setParent] = useState<AdminAssociation | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), []);
  const effectiveSlug = slugEdited ? slug : slugify(name);

  const submit = () => {
    const found = compactErrors({
      name: name.trim().length < 2 && t("validation.minLength", { count: 2 }),
      slug: !(effectiveSlug.length >= 2 && slugPattern.test(effectiveSlug)) && t("validation.slug"),
      ownerEmail: ownerEmail.trim() !== "" && !looksLikeEmail(ownerEmail) && t("validation.email"),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        name: name.trim(),
        slug: effectiveSlug,
        language,
        timeZone,
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
      <Form onSubmit={submit} submitError={create.error} errorSummary={Object.keys(errors).length > 0 ? t("errors.checkFields") : serverErrors.summary}>
        <TextField label={t("fields.associationName")} required value={name} onChange={setName} error={errors.name ?? serverErrors.field("name")} />
        <TextField
          label={t("fields.slug")}
          hint={t("fields.slugHint", { example: `/a/${effectiveSlug || "mon-association"}` })}
          required
          value={effectiveSlug}
          onChange={(value) => {
            setSlugEdited(true);
            setSlug(value.toLowerCase());
          }}
          autoCapitalize="off"
          spellCheck={false}
          error={errors.slug ?? serverErrors.field("slug")}
        />
        <Select
          label={t("fields.language")}
          value={language}
          onChange={setLanguage}
          options={[
            { value: "fr", label: t("languages.fr") },
            { value: "en", label: t("languages.en") },
          ]}
        />
        <Select label={t("fields.timeZone")} value={timeZone} onChange={setTimeZone} options={zones} />
        <ParentPicker value={parent} onChange={setParent} />
        <fieldset className="fieldset">
          <legend>{t("instanceAdmin.ownerLegend")}</legend>
          <p className="field-hint">{t("instanceAdmin.ownerHint")}</p>
          <TextField
            label={t("instanceAdmin.ownerEmail")}
            type="email"
            value={ownerEmail}
            onChange={setOwnerEmail}
            error={errors.ownerEmail ?? serverErrors.field("ownerEmail")}
          />
          <TextField label={t("instanceAdmin.ownerName")} value={ownerName} onChange={setOwnerName} error={serverErrors.field("ownerName")} />
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
