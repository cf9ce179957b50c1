import { useEffect, useRef } from "react";
import { Link, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Skeleton } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useErrorMessage } from "../../../app/errors";
import { useConfirmInvitation } from "../invitations.queries";
import { useGoToJoined } from "../go-to-joined";

/**
 * The page the link mailed after accepting an invitation opens: uses the token once (creating the account, or
 * signing into the one the address has), removes it from the address bar, and goes where the invitation leads.
 */
export function InvitationConfirmPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("invitationConfirm.title"), t("app.name")]);
  const { token } = useSearch({ from: "/invitations/confirm" });
  const confirm = useConfirmInvitation();
  const goToJoined = useGoToJoined();
  const message = useErrorMessage();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // The token must not stay in the history or be sent on as a referrer.
    window.history.replaceState(window.history.state, "", "/invitations/confirm");
    if (!token) return;
    confirm.mutate(token, { onSuccess: (result) => void goToJoined(result, true) });
  }, [token, confirm, goToJoined]);

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("invitationConfirm.title")}</RouteHeading>
      {!token ? (
        <Alert tone="error">{t("errors.TOKEN_INVALID")}</Alert>
      ) : confirm.isError ? (
        <Alert tone="error">{message(confirm.error)}</Alert>
      ) : (
        <Skeleton lines={1} label={t("invitationConfirm.working")} />
      )}
      {!token || confirm.isError ? (
        <p>
          {t("invitationConfirm.again")} <Link to="/sign-in">{t("invitationConfirm.signIn")}</Link>
        </p>
      ) : null}
    </div>
  );
}
