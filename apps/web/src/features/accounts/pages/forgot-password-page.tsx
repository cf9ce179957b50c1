import { useState } from "react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { compactErrors, Form } from "../../../components/form";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { TextField } from "../../../components/text-field";
import { useFormErrors } from "../../../app/errors";
import { looksLikeEmail } from "../../../app/text";
import { useRequestPasswordReset } from "../accounts.queries";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("forgotPassword.title"), t("app.name")]);
  const request = useRequestPasswordReset();
  const serverErrors = useFormErrors(request.error);
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const found = compactErrors({ email: !looksLikeEmail(email) && t("validation.email") });
    setErrors(found);
    if (Object.keys(found).length === 0) request.mutate({ email: email.trim() });
  };

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("forgotPassword.title")}</RouteHeading>
      {request.isSuccess ? (
        <Alert tone="success">{t("forgotPassword.sent")}</Alert>
      ) : (
        <>
          <p className="lead">{t("forgotPassword.intro")}</p>
          <Form
            onSubmit={submit}
            submitError={request.error}
            errorSummary={Object.keys(errors).length > 0 ? t("errors.checkFields") : serverErrors.summary}
          >
            <TextField
              label={t("fields.email")}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={setEmail}
              error={errors.email ?? serverErrors.field("email")}
            />
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
