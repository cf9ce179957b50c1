import { Link, type ErrorComponentProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { RouteHeading, useDocumentTitle } from "../../components/route-heading";
import { Alert } from "../../components/alert";
import { useErrorMessage } from "../errors";
import { isApiError } from "../api";

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("notFound.title"), t("app.name")]);
  return (
    <div className="page page-narrow">
      <RouteHeading>{t("notFound.title")}</RouteHeading>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </div>
  );
}

export function RouteErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (isApiError(error) && error.code === "NOT_FOUND") return <NotFoundPage />;
  return (
    <div className="page page-narrow">
      <RouteHeading>{t("errorPage.title")}</RouteHeading>
      <Alert tone="error">{message(error)}</Alert>
      <p>
        <a href={window.location.href}>{t("errorPage.reload")}</a>
      </p>
    </div>
  );
}

/** For data a page could not load: not found (or not visible) is said the same way as a missing page. */
export function QueryErrorState({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (isApiError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return <NotFoundPage />;
  return <Alert tone="error">{message(error)}</Alert>;
}

/** When even the session could not be read (server down): a page of its own, with its landmark. */
export function RootErrorPage(props: ErrorComponentProps) {
  return (
    <main id="main" className="main">
      <RouteErrorPage {...props} />
    </main>
  );
}
