import { useEffect, useRef } from "react";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { Skeleton } from "../../../components/misc";
import { useErrorMessage } from "../../../app/errors";
import { useConsumeMagicLink } from "../accounts.queries";

/** The page the e-mailed link opens: uses the token once, removes it from the address bar, and goes home. */
export function SignInLinkPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("signInLink.title"), t("app.name")]);
  const { token } = useSearch({ from: "/sign-in/link" });
  const navigate = useNavigate();
  const consume = useConsumeMagicLink();
  const message = useErrorMessage();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // The token must not stay in the history or be sent on as a referrer.
    window.history.replaceState(window.history.state, "", "/sign-in/link");
    if (!token) return;
    consume.mutate(token, { onSuccess: () => void navigate({ to: "/", replace: true }) });
  }, [token, consume, navigate]);

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("signInLink.title")}</RouteHeading>
      {!token ? (
        <Alert tone="error">{t("errors.TOKEN_INVALID")}</Alert>
      ) : consume.isError ? (
        <Alert tone="error">{message(consume.error)}</Alert>
      ) : (
        <Skeleton lines={1} label={t("signInLink.working")} />
      )}
      {!token || consume.isError ? (
        <p>
          <Link to="/sign-in">{t("signInLink.again")}</Link>
        </p>
      ) : null}
    </div>
  );
}
