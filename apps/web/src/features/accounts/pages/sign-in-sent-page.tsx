import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";

/** After asking for a link: where to look, and what to do if nothing comes. */
export function SignInSentPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("signInSent.title"), t("app.name")]);
  return (
    <div className="page page-narrow">
      <RouteHeading>{t("signInSent.title")}</RouteHeading>
      <p className="lead">{t("signInSent.body")}</p>
      <ul className="plain-list">
        <li>{t("signInSent.validity")}</li>
        <li>{t("signInSent.spam")}</li>
      </ul>
      <p>
        <Link to="/sign-in">{t("signInSent.back")}</Link>
      </p>
    </div>
  );
}
