import { useState } from "react";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";
import { Form } from "../../../components/form";
import { PasswordField } from "../../../components/password-field";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useFormValidation } from "../../../app/form-validation";
import { useRequestMagicLink, useSignIn } from "../accounts.queries";
import { EmailField, useAccountChecks } from "../components/account-fields";

/**
 * Two clear ways in: a link by e-mail (no password to remember — Jeanne's way), or a password.
 * One e-mail field serves both, so the person types it once. (The choices are not labelled regions: their
 * names contain "mot de passe" and would compete with the password field for its label.)
 */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("signIn.title"), t("app.name")]);
  const search = useSearch({ from: "/sign-in" });
  const navigate = useNavigate();
  const signIn = useSignIn();
  const magicLink = useRequestMagicLink();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const lastError = signIn.error ?? magicLink.error;
  const form = useFormValidation(lastError);
  const checks = useAccountChecks();

  const sendLink = () => {
    signIn.reset();
    if (!form.validate({ email: checks.email(email) })) {
      document.getElementById("sign-in-email")?.focus();
      return;
    }
    magicLink.mutate({ email: email.trim() }, { onSuccess: () => void navigate({ to: "/sign-in/sent" }) });
  };

  const submitPassword = () => {
    magicLink.reset();
    if (!form.validate({ email: checks.email(email), password: !password && t("signIn.passwordMissing") })) return;
    signIn.mutate(
      { email: email.trim(), password },
      // The return address may carry its own query string (a search, an invitation): navigate by href.
      { onSuccess: () => void (search.redirect ? navigate({ href: search.redirect }) : navigate({ to: "/" })) },
    );
  };

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("signIn.title")}</RouteHeading>
      <Form onSubmit={submitPassword} errorSummary={form.summary} submitError={lastError}>
        <EmailField
          id="sign-in-email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={setEmail}
          error={form.fieldError("email")}
        />
        <div className="choice">
          <h2 className="choice-title">
            {t("signIn.linkTitle")}
          </h2>
          <p className="field-hint">{t("signIn.linkHint")}</p>
          <Button variant="primary" onClick={sendLink} busy={magicLink.isPending} busyLabel={t("common.sending")}>
            {t("signIn.sendLink")}
          </Button>
        </div>
        <div className="choice">
          <h2 className="choice-title">
            {t("signIn.passwordTitle")}
          </h2>
          <PasswordField
            label={t("fields.password")}
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
            error={form.errors.password}
          />
          <div className="actions">
            <Button type="submit" variant="secondary" busy={signIn.isPending} busyLabel={t("common.sending")}>
              {t("signIn.submit")}
            </Button>
            <Link to="/forgot-password">{t("signIn.forgotPassword")}</Link>
          </div>
        </div>
      </Form>
    </div>
  );
}
