import { useMemo, useState } from "react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { evaluatePassword, type Language } from "@trame/contracts";
import { Button } from "../../../components/button";
import { compactErrors, Form } from "../../../components/form";
import { PasswordField } from "../../../components/password-field";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { Select } from "../../../components/select";
import { TextField } from "../../../components/text-field";
import { useFormErrors } from "../../../app/errors";
import { looksLikeEmail, slugify, slugPattern } from "../../../app/text";
import { listTimeZones } from "../../../app/time-zones";
import { useRunSetup } from "../setup.queries";

/** First start: the instance administrator and the first association, in one form. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle([t("setup.title"), t("app.name")]);
  const navigate = useNavigate();
  const setup = useRunSetup();
  const serverErrors = useFormErrors(setup.error);

  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [associationName, setAssociationName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [language, setLanguage] = useState<Language>(i18n.language === "en" ? "en" : "fr");
  const [timeZone, setTimeZone] = useState("Europe/Paris");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), []);

  const effectiveSlug = slugEdited ? slug : slugify(associationName);

  const submit = () => {
    const found = compactErrors({
      email: !looksLikeEmail(email) && t("validation.email"),
      displayName: !displayName.trim() && t("validation.required"),
      password: !evaluatePassword(password).acceptable && t("validation.weakPassword"),
      associationName: associationName.trim().length < 2 && t("validation.minLength", { count: 2 }),
      slug: !(effectiveSlug.length >= 2 && slugPattern.test(effectiveSlug)) && t("validation.slug"),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setup.mutate(
      {
        admin: { email: email.trim(), displayName: displayName.trim(), password, language: i18n.language === "en" ? "en" : "fr" },
        association: { name: associationName.trim(), slug: effectiveSlug, language, timeZone },
      },
      { onSuccess: (result) => void navigate({ to: "/a/$slug", params: { slug: result.association.slug } }) },
    );
  };

  const hasClientErrors = Object.keys(errors).length > 0;
  return (
    <div className="page page-narrow">
      <RouteHeading>{t("setup.title")}</RouteHeading>
      <p className="lead">{t("setup.intro")}</p>
      <Form
        onSubmit={submit}
        submitError={setup.error}
        errorSummary={hasClientErrors ? t("errors.checkFields") : serverErrors.summary}
      >
        <fieldset className="fieldset">
          <legend>{t("setup.adminLegend")}</legend>
          <TextField
            label={t("fields.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={setEmail}
            error={errors.email ?? serverErrors.field("admin.email")}
          />
          <TextField
            label={t("fields.displayName")}
            hint={t("setup.displayNameHint")}
            autoComplete="name"
            required
            value={displayName}
            onChange={setDisplayName}
            error={errors.displayName ?? serverErrors.field("admin.displayName")}
          />
          <PasswordField
            label={t("fields.password")}
            autoComplete="new-password"
            required
            value={password}
            onChange={setPassword}
            error={errors.password ?? serverErrors.field("admin.password")}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("setup.associationLegend")}</legend>
          <TextField
            label={t("fields.associationName")}
            required
            value={associationName}
            onChange={setAssociationName}
            error={errors.associationName ?? serverErrors.field("association.name")}
          />
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
            error={errors.slug ?? serverErrors.field("association.slug")}
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
        </fieldset>
        <Button type="submit" variant="primary" busy={setup.isPending} busyLabel={t("common.sending")}>
          {t("setup.submit")}
        </Button>
      </Form>
    </div>
  );
}
