import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Form } from "../../../components/form";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useFormValidation } from "../../../app/form-validation";
import { useCompletePasswordReset } from "../accounts.queries";
import { NewPasswordField, useAccountChecks } from "../components/account-fields";

export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("resetPassword.title"), t("app.name")]);
  const search = useSearch({ from: "/reset-password" });
  const navigate = useNavigate();
  const complete = useCompletePasswordReset();
  const form = useFormValidation(complete.error);
  const checks = useAccountChecks();
  // Keep the token in memory and take it out of the address bar at once.
  const token = useRef(search.token ?? null);
  const [password, setPassword] = useState("");

  useEffect(() => {
    window.history.replaceState(window.history.state, "", "/reset-password");
  }, []);

  const submit = () => {
    if (!form.validate({ password: checks.newPassword(password) }) || !token.current) return;
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
        <Form onSubmit={submit} submitError={complete.error} errorSummary={form.summary}>
          <NewPasswordField label={t("fields.newPassword")} value={password} onChange={setPassword} error={form.fieldError("password")} />
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
