import { useState } from "react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Form } from "../../../components/form";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useFormValidation } from "../../../app/form-validation";
import { useRequestPasswordReset } from "../accounts.queries";
import { EmailField, useAccountChecks } from "../components/account-fields";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("forgotPassword.title"), t("app.name")]);
  const request = useRequestPasswordReset();
  const form = useFormValidation(request.error);
  const checks = useAccountChecks();
  const [email, setEmail] = useState("");

  const submit = () => {
    if (form.validate({ email: checks.email(email) })) request.mutate({ email: email.trim() });
  };

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("forgotPassword.title")}</RouteHeading>
      {request.isSuccess ? (
        <Alert tone="success">{t("forgotPassword.sent")}</Alert>
      ) : (
        <>
          <p className="lead">{t("forgotPassword.intro")}</p>
          <Form onSubmit={submit} submitError={request.error} errorSummary={form.summary}>
            <EmailField value={email} onChange={setEmail} error={form.fieldError("email")} />
            <Button type="submit" variant="primary" busy={request.isPending} busyLabel={t("common.sending")}>
              {t("forgotPassword.submit")}
            </Button>
          </Form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t("forgotPassword.back")}</Link>
      </p>
    </div>
  );
}
