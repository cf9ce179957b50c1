import { useState } from "react";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";
import { compactErrors, Form } from "../../../components/form";
import { PasswordField } from "../../../components/password-field";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { TextField } from "../../../components/text-field";
import { useFormErrors } from "../../../app/errors";
import { looksLikeEmail } from "../../../app/text";
import { useRequestMagicLink, useSignIn } from "../accounts.queries";

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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lastError = signIn.error ?? magicLink.error;
  const serverErrors = useFormErrors(lastError);

  const sendLink = () => {
    signIn.reset();
    const found = compactErrors({ email: !looksLikeEmail(email) && t("validation.email") });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById("sign-in-email")?.focus();
      return;
    }
    magicLink.mutate({ email: email.trim() }, { onSuccess: () => void navigate({ to: "/sign-in/sent" }) });
  };

  const submitPassword = () => {
    magicLink.reset();
    const found = compactErrors({
      email: !looksLikeEmail(email) && t("validation.email"),
      password: !password && t("signIn.passwordMissing"),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      // The return address may carry its own query string (a search, an invitation): navigate by href.
      { onSuccess: () => void (search.redirect ? navigate({ href: search.redirect }) : navigate({ to: "/" })) },
    );
  };

  const summary = Object.keys(errors).length > 0 ? t("errors.checkFields") : serverErrors.summary;
  return (
    <div className="page page-narrow">
      <RouteHeading>{t("signIn.title")}</RouteHeading>
      <Form onSubmit={submitPassword} errorSummary={summary} submitError={lastError}>
        <TextField
          id="sign-in-email"
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={setEmail}
          error={errors.email ?? serverErrors.field("email")}
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
            error={errors.password}
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
