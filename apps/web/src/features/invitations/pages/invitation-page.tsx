import { useState } from "react";
import { Link, useParams } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Checkbox } from "../../../components/checkbox";
import { Form } from "../../../components/form";
import { Skeleton } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useErrorMessage } from "../../../app/errors";
import { useFormValidation } from "../../../app/form-validation";
import { useSession } from "../../../app/session";
import { DisplayNameField, EmailField, NewPasswordField, useAccountChecks } from "../../accounts/components/account-fields";
import { useGoToJoined } from "../go-to-joined";
import { invitationPreviewQuery, useAcceptInvitation } from "../invitations.queries";

/**
 * Someone followed an invitation: say who invites them where, then accept (creating the account if needed). A link
 * invitation accepted signed out continues by e-mail, whether or not the address typed has an account: the page then
 * says to look in the mailbox, the same for everyone.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("invitation.title"), t("app.name")]);
  const { token } = useParams({ from: "/invitations/$token" });
  const session = useSession();
  const preview = useQuery(invitationPreviewQuery(token));
  const accept = useAcceptInvitation(token);
  const goToJoined = useGoToJoined();
  const message = useErrorMessage();
  const form = useFormValidation(accept.error);
  const checks = useAccountChecks();

  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [linksOnly, setLinksOnly] = useState(false);

  const invitation = preview.data;
  const signedIn = Boolean(session.user);
  const createsAccount = Boolean(invitation && !signedIn && invitation.needsAccount);
  const asksEmail = createsAccount && invitation?.kind === "link";

  const submit = () => {
    if (!invitation) return;
    const valid = form.validate(
      createsAccount
        ? {
            email: asksEmail && checks.email(email),
            displayName: checks.displayName(displayName),
            password: !linksOnly && checks.newPassword(password),
          }
        : {},
    );
    if (!valid) return;
    accept.mutate(
      createsAccount
        ? {
            displayName: displayName.trim(),
            ...(asksEmail ? { email: email.trim() } : {}),
            ...(!linksOnly && password ? { password } : {}),
          }
        : {},
      {
        onSuccess: (result) => {
          if (result.outcome === "joined") void goToJoined(result);
        },
      },
    );
  };

  return (
    <div className="page page-narrow">
      <RouteHeading>{t("invitation.title")}</RouteHeading>
      {preview.isPending ? (
        <Skeleton label={t("common.loading")} />
      ) : preview.isError ? (
        <>
          <Alert tone="error">{t("invitation.invalid")}</Alert>
          <p className="field-hint">{message(preview.error)}</p>
        </>
      ) : accept.data?.outcome === "emailSent" ? (
        <>
          <Alert tone="success">{t("invitation.sent", { email: email.trim() })}</Alert>
          <ul className="plain-list">
            <li>{t("invitation.sentValidity")}</li>
            <li>{t("invitation.sentSpam")}</li>
          </ul>
        </>
      ) : invitation ? (
        <>
          <p className="lead">
            {invitation.sphereName
              ? t("invitation.toSphere", {
                  inviter: invitation.invitedByName ?? t("invitation.someone"),
                  sphere: invitation.sphereName,
                  association: invitation.associationName,
                })
              : t("invitation.toAssociation", {
                  inviter: invitation.invitedByName ?? t("invitation.someone"),
                  association: invitation.associationName,
                })}
          </p>
          {signedIn && session.user ? (
            <p>{t("invitation.signedInAs", { name: session.user.displayName, email: session.user.email })}</p>
          ) : null}
          {!signedIn && invitation.kind === "email" && invitation.email ? (
            <p>{t("invitation.forEmail", { email: invitation.email })}</p>
          ) : null}
          <Form onSubmit={submit} submitError={accept.error} errorSummary={form.summary}>
            {createsAccount ? (
              <fieldset className="fieldset">
                <legend>{t("invitation.accountLegend")}</legend>
                {asksEmail ? (
                  <EmailField hint={t("invitation.byEmailHint")} value={email} onChange={setEmail} error={form.fieldError("email")} />
                ) : null}
                <DisplayNameField
                  hint={t("invitation.displayNameHint")}
                  value={displayName}
                  onChange={setDisplayName}
                  error={form.fieldError("displayName")}
                />
                <Checkbox label={t("invitation.linksOnly")} hint={t("invitation.linksOnlyHint")} checked={linksOnly} onChange={setLinksOnly} />
                {!linksOnly ? (
                  <NewPasswordField value={password} onChange={setPassword} error={form.fieldError("password")} />
                ) : null}
              </fieldset>
            ) : null}
            <Button type="submit" variant="primary" busy={accept.isPending} busyLabel={t("common.sending")}>
              {t("invitation.accept")}
            </Button>
          </Form>
          {!signedIn ? (
            <p className="field-hint">
              {t("invitation.haveAccount")}{" "}
              <Link to="/sign-in" search={{ redirect: `/invitations/${encodeURIComponent(token)}` }}>
                {t("invitation.signInFirst")}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
