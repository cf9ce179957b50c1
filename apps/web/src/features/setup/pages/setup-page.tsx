import { useState } from "react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";
import { Form } from "../../../components/form";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useFormValidation } from "../../../app/form-validation";
import { DisplayNameField, EmailField, NewPasswordField, useAccountChecks } from "../../accounts/components/account-fields";
import { AssociationFormFields, newAssociationDraft, slugOf, useAssociationChecks, type AssociationDraft } from "../../associations/components/association-form-fields";
import { useRunSetup } from "../setup.queries";

/** First start: the instance administrator and the first association, in one form. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle([t("setup.title"), t("app.name")]);
  const navigate = useNavigate();
  const setup = useRunSetup();
  const form = useFormValidation(setup.error);
  const accountChecks = useAccountChecks();
  const associationChecks = useAssociationChecks();

  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [association, setAssociation] = useState<AssociationDraft>(() => newAssociationDraft(i18n.language));
  const slug = slugOf(association);

  const submit = () => {
    const valid = form.validate({
      email: accountChecks.email(email),
      displayName: accountChecks.displayName(displayName),
      password: accountChecks.newPassword(password),
      associationName: associationChecks.name(association.name),
      slug: associationChecks.slug(slug),
    });
    if (!valid) return;
    setup.mutate(
      {
        admin: { email: email.trim(), displayName: displayName.trim(), password, language: i18n.language === "en" ? "en" : "fr" },
        association: { name: association.name.trim(), slug, language: association.language, timeZone: association.timeZone },
      },
      { onSuccess: (result) => void navigate({ to: "/a/$slug", params: { slug: result.association.slug } }) },
    );
  };

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("setup.title")}</RouteHeading>
      <p className="lead">{t("setup.intro")}</p>
      <Form onSubmit={submit} submitError={setup.error} errorSummary={form.summary}>
        <fieldset className="fieldset">
          <legend>{t("setup.adminLegend")}</legend>
          <EmailField value={email} onChange={setEmail} error={form.fieldError("email", "admin.email")} />
          <DisplayNameField
            hint={t("setup.displayNameHint")}
            value={displayName}
            onChange={setDisplayName}
            error={form.fieldError("displayName", "admin.displayName")}
          />
          <NewPasswordField value={password} onChange={setPassword} error={form.fieldError("password", "admin.password")} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("setup.associationLegend")}</legend>
          <AssociationFormFields
            draft={association}
            onChange={setAssociation}
            withSlug
            errors={{ name: form.fieldError("associationName", "association.name"), slug: form.fieldError("slug", "association.slug") }}
          />
        </fieldset>
        <Button type="submit" variant="primary" busy={setup.isPending} busyLabel={t("common.sending")}>
          {t("setup.submit")}
        </Button>
      </Form>
    </div>
  );
}
