import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { evaluatePassword } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { compactErrors, Form } from "../../../components/form";
import { PasswordField } from "../../../components/password-field";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useFormErrors } from "../../../app/errors";
import { useCompletePasswordReset } from "../accounts.queries";

export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("resetPassword.title"), t("app.name")]);
  const search = useSearch({ from: "/reset-password" });
  const navigate = useNavigate();
  const complete = useCompletePasswordReset();
  const serverErrors = useFormErrors(complete.error);
  // Keep the token in memory and take it out of the address bar at once.
  const token = useRef(search.token ?? null);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    window.history.replaceState(window.history.state, "", "/reset-password");
  }, []);

  const submit = () => {
    const found = compactErrors({ password: !evaluatePassword(password).acceptable && t("validation.weakPassword") });
    setErrors(found);
    if (Object.keys(found).length > 0 || !token.current) return;
    complete.mutate({ token: token.current, password }, { onSuccess: () => void navigate({ to: "/", replace: true }) });
  };

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("resetPassword.title")}</RouteHeading>
      {!token.current ? (
        <>
          <Alert tone="error">{t("errors.TOKEN_INVALID")}</Alert>
          <p>
            <Link to="/forgot-password">{t("resetPassword.again")}</Link>
          </p>
        </>
      ) : (
        <Form
          onSubmit={submit}
          submitError={complete.error}
          errorSummary={Object.keys(errors).length > 0 ? t("errors.checkFields") : serverErrors.summary}
        >
          <PasswordField
            label={t("fields.newPassword")}
            autoComplete="new-password"
            required
            value={password}
            onChange={setPassword}
            error={errors.password ?? serverErrors.field("password")}
          />
          <Button type="submit" variant="primary" busy={complete.isPending} busyLabel={t("common.sending")}>
            {t("resetPassword.submit")}
          </Button>
          {complete.error ? (
            <p>
              <Link to="/forgot-password">{t("resetPassword.again")}</Link>
            </p>
          ) : null}
        </Form>
      )}
    </div>
  );
}
