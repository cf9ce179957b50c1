import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/alert";
import { useAnnounce } from "../../../../components/announcer";
import { Button } from "../../../../components/button";
import { Form } from "../../../../components/form";
import { TextField } from "../../../../components/text-field";
import { contrastRatio, readableOn } from "../../../../app/color";
import { useFormValidation } from "../../../../app/form-validation";
import { StoredImageUpload } from "../../../../app/stored-image-upload";
import { useRemoveLogo, useUpdateAssociation, useUploadLogo } from "../../associations.queries";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

const hexPattern = /^#[0-9a-fA-F]{6}$/;

export function BrandingSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const update = useUpdateAssociation(association.id);
  const form = useFormValidation(update.error);
  const [primary, setPrimary] = useState(association.primaryColor);
  const [accent, setAccent] = useState(association.accentColor);

  const submit = () => {
    const valid = form.validate({
      primary: !hexPattern.test(primary) && t("validation.color"),
      accent: !hexPattern.test(accent) && t("validation.color"),
    });
    if (!valid) return;
    update.mutate({ primaryColor: primary.toLowerCase(), accentColor: accent.toLowerCase() }, { onSuccess: () => announce(t("common.saved")) });
  };

  return (
    <AdminSection title={t("associationAdmin.section.branding")} ability="association.update" intro={<p>{t("branding.intro")}</p>}>
      <LogoUpload />
      <Form onSubmit={submit} submitError={update.error} errorSummary={form.summary}>
        <ColorField label={t("branding.primary")} value={primary} onChange={setPrimary} error={form.fieldError("primary", "primaryColor")} />
        <ColorField label={t("branding.accent")} value={accent} onChange={setAccent} error={form.fieldError("accent", "accentColor")} />
        <div className="brand-preview" aria-hidden="true">
          {/* Styles set from script go through the CSSOM, which the Content-Security-Policy allows. */}
          <span className="brand-preview-button" style={hexPattern.test(primary) ? { background: readableOn(primary).color } : undefined}>
            {t("branding.previewButton")}
          </span>
        </div>
        <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t("common.saving")}>
          {t("common.save")}
        </Button>
      </Form>
    </AdminSection>
  );
}

function ColorField({ label, value, onChange, error }: { label: string; value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  const pickerId = useId();
  const valid = hexPattern.test(value);
  const ratio = valid ? contrastRatio(value, "#ffffff") : null;
  const readable = valid ? readableOn(value) : null;
  return (
    <div className="color-field">
      <TextField label={label} hint={t("branding.hexHint")} required value={value} onChange={onChange} error={error} spellCheck={false} autoCapitalize="off" maxLength={7} />
      <label htmlFor={pickerId} className="field-label">
        {t("branding.picker", { name: label })}
      </label>
      <input id={pickerId} type="color" className="color-input" value={valid ? value.toLowerCase() : "#000000"} onChange={(event) => onChange(event.target.value)} />
      {ratio !== null && readable ? (
        ratio < 4.5 ? (
          <Alert tone="warning" live={false}>
            {t("branding.lowContrast", { ratio: ratio.toFixed(1), replacement: readable.color })}
          </Alert>
        ) : (
          <p className="field-hint">{t("branding.contrastOk", { ratio: ratio.toFixed(1) })}</p>
        )
      ) : null}
    </div>
  );
}

function LogoUpload() {
  const { t } = useTranslation();
  const association = useAssociation();
  const upload = useUploadLogo(association.id);
  const remove = useRemoveLogo(association.id);
  return (
    <div className="logo-upload">
      <h3>{t("branding.logo")}</h3>
      {association.logoUrl ? <img src={association.logoUrl} alt={t("branding.currentLogo")} className="logo-preview" /> : <p className="muted">{t("branding.noLogo")}</p>}
      <StoredImageUpload
        upload={upload}
        remove={remove}
        hasImage={Boolean(association.logoUrl)}
        words={{
          label: t("branding.chooseLogo"),
          hint: t("branding.logoHint"),
          upload: t("branding.uploadLogo"),
          remove: t("branding.removeLogo"),
          saved: t("branding.logoSaved"),
          removed: t("branding.logoRemoved"),
        }}
      />
    </div>
  );
}
