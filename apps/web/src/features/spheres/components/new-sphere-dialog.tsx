import { useState } from "react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Association } from "@trame/contracts";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";
import { Form } from "../../../components/form";
import { TextArea } from "../../../components/text-field";
import { useFormValidation } from "../../../app/form-validation";
import { useCreateSphere, useRequestSphereCreation } from "../spheres.queries";
import { emptySphereDraft, SphereFormFields, type SphereDraft } from "./sphere-form-fields";

export interface NewSphereDialogProps {
  association: Association;
  /** "create" when the association lets me create; "request" when admins review requests. */
  mode: "create" | "request";
  open: boolean;
  onClose: () => void;
}

export function NewSphereDialog({ association, mode, open, onClose }: NewSphereDialogProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const create = useCreateSphere(association.id);
  const request = useRequestSphereCreation(association.id);
  const mutation = mode === "create" ? create : request;
  const form = useFormValidation(mutation.error);
  const [draft, setDraft] = useState<SphereDraft>(emptySphereDraft);
  const [reason, setReason] = useState("");

  const close = () => {
    setDraft(emptySphereDraft);
    setReason("");
    form.clear();
    create.reset();
    request.reset();
    onClose();
  };

  const submit = () => {
    if (!form.validate({ name: draft.name.trim().length < 2 && t("validation.minLength", { count: 2 }) })) return;
    const body = {
      name: draft.name.trim(),
      description: draft.description.trim(),
      visibility: draft.visibility,
      ...(draft.parent ? { parentId: draft.parent.id } : {}),
    };
    if (mode === "create") {
      create.mutate(body, {
        onSuccess: (sphere) => {
          announce(t("spheres.created", { name: sphere.name }));
          close();
          void navigate({ to: "/a/$slug/spheres/$sphereId", params: { slug: association.slug, sphereId: sphere.id } });
        },
      });
    } else {
      request.mutate(
        { ...body, reason: reason.trim() },
        {
          onSuccess: () => {
            announce(t("spheres.requested", { name: body.name }));
            close();
          },
        },
      );
    }
  };

  const title = mode === "create" ? t("spheres.createTitle") : t("spheres.requestTitle");
  return (
    <Dialog open={open} onClose={close} title={title} wide>
      {mode === "request" ? <p>{t("spheres.requestIntro")}</p> : null}
      <Form onSubmit={submit} submitError={mutation.error} errorSummary={form.summary}>
        <SphereFormFields
          associationId={association.id}
          draft={draft}
          onChange={setDraft}
          withParent
          errors={{
            name: form.fieldError("name"),
            description: form.serverFieldError("description"),
            parentId: form.serverFieldError("parentId"),
          }}
        />
        {mode === "request" ? (
          <TextArea label={t("spheres.reason")} hint={t("spheres.reasonHint")} value={reason} onChange={setReason} maxLength={2000} />
        ) : null}
        <Button type="submit" variant="primary" busy={mutation.isPending} busyLabel={t("common.sending")}>
          {mode === "create" ? t("spheres.createSubmit") : t("spheres.requestSubmit")}
        </Button>
      </Form>
    </Dialog>
  );
}
