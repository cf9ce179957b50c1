import { useState } from "react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Sphere } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";
import { Form } from "../../../components/form";
import { TextField } from "../../../components/text-field";
import { useErrorMessage } from "../../../app/errors";
import { useFormValidation } from "../../../app/form-validation";
import { useArchiveSphere, useDeleteSphere, useUpdateSphere } from "../spheres.queries";
import { SphereFormFields, type SphereDraft } from "./sphere-form-fields";

/** Name, description and visibility, for those who may update the sphere. */
export function SphereSettings({ associationId, sphere }: { associationId: string; sphere: Sphere }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateSphere(associationId, sphere.id);
  const form = useFormValidation(update.error);
  const [draft, setDraft] = useState<SphereDraft>({
    name: sphere.name,
    description: sphere.description,
    visibility: sphere.visibility,
    parent: null,
  });

  const submit = () => {
    if (!form.validate({ name: draft.name.trim().length < 2 && t("validation.minLength", { count: 2 }) })) return;
    update.mutate(
      { name: draft.name.trim(), description: draft.description.trim(), visibility: draft.visibility },
      { onSuccess: () => announce(t("common.saved")) },
    );
  };

  return (
    <Form onSubmit={submit} submitError={update.error} errorSummary={form.summary}>
      <SphereFormFields
        associationId={associationId}
        draft={draft}
        onChange={setDraft}
        withParent={false}
        errors={{ name: form.fieldError("name"), description: form.serverFieldError("description") }}
      />
      <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t("common.saving")}>
        {t("common.save")}
      </Button>
    </Form>
  );
}

/** Archive (read-only, reversible) and delete (admins only, by typing the name). */
export function SphereDangerZone({ associationId, slug, sphere }: { associationId: string; slug: string; sphere: Sphere }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const archive = useArchiveSphere(associationId, sphere.id);
  const remove = useDeleteSphere(associationId, sphere.id);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === sphere.name.trim();

  return (
    <div className="danger-zone">
      {archive.error ? <Alert tone="error">{errorMessage(archive.error)}</Alert> : null}
      {sphere.abilities["sphere.archive"] ? (
        <div className="danger-item">
          <p>{sphere.archived ? t("sphere.unarchiveHint") : t("sphere.archiveHint")}</p>
          <Button
            busy={archive.isPending}
            onClick={() =>
              archive.mutate(!sphere.archived, {
                onSuccess: () => announce(sphere.archived ? t("sphere.unarchived", { name: sphere.name }) : t("sphere.archivedDone", { name: sphere.name })),
              })
            }
          >
            {sphere.archived ? t("sphere.unarchive") : t("sphere.archive")}
          </Button>
        </div>
      ) : null}
      {sphere.abilities["sphere.delete"] ? (
        <div className="danger-item">
          <p>{t("sphere.deleteHint")}</p>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t("sphere.delete")}
          </Button>
          <Dialog
            open={confirming}
            onClose={() => {
              setConfirming(false);
              setTyped("");
              remove.reset();
            }}
            title={t("sphere.deleteTitle", { name: sphere.name })}
            actions={
              <Button
                variant="danger"
                disabled={!matches}
                busy={remove.isPending}
                onClick={() =>
                  remove.mutate(typed.trim(), {
                    onSuccess: () => {
                      announce(t("sphere.deleted", { name: sphere.name }));
                      void navigate({ to: "/a/$slug", params: { slug } });
                    },
                  })
                }
              >
                {t("sphere.deleteConfirm")}
              </Button>
            }
          >
            {remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
            <p>{t("sphere.deleteWarning")}</p>
            <TextField label={t("sphere.deleteTypeName", { name: sphere.name })} value={typed} onChange={setTyped} autoComplete="off" />
          </Dialog>
        </div>
      ) : null}
    </div>
  );
}
