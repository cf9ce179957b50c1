import { useState } from "react";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { evaluatePassword } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Checkbox } from "../../../components/checkbox";
import { compactErrors, Form } from "../../../components/form";
import { Skeleton } from "../../../components/misc";
import { PasswordField } from "../../../components/password-field";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { TextField } from "../../../components/text-field";
import { useErrorMessage, useFormErrors } from "../../../app/errors";
import { useSession } from "../../../app/session";
import { looksLikeEmail } from "../../../app/text";
import { invitationPreviewQuery, useAcceptInvitation } from "../invitations.queries";

/** Someone followed an invitation: say who invites them where, then accept (creating the account if needed). */
export function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("invitation.title"), t("app.name")]);
  const { token } = useParams({ from: "/invitations/$token" });
  const session = useSession();
  const preview = useQuery(invitationPreviewQuery(token));
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const message = useErrorMessage();
  const serverErrors = useFormErrors(accept.error);

  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [linksOnly, setLinksOnly] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const invitation = preview.data;
  const signedIn = Boolean(session.user);
  const createsAccount = Boolean(invitation && !signedIn && invitation.needsAccount);
  const asksEmail = createsAccount && invitation?.kind === "link";

  const submit = () => {
    if (!invitation) return;
    const found = createsAccount
      ? compactErrors({
          email: asksEmail && !looksLikeEmail(email) && t("validation.email"),
          displayName: !displayName.trim() && t("validation.required"),
          password: !linksOnly && !evaluatePassword(password).acceptable && t("validation.weakPassword"),
        })
      : {};
    setErrors(found);
    if (Object.keys(found).length > 0) return;
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
          if (result.sphereId) {
            void navigate({ to: "/a/$slug/spheres/$sphereId", params: { slug: result.associationSlug, sphereId: result.sphereId } });
          } else {
            void navigate({ to: "/a/$slug", params: { slug: result.associationSlug } });
          }
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
          <Form
            onSubmit={submit}
            submitError={accept.error}
            errorSummary={Object.keys(errors).length > 0 ? t("errors.checkFields") : serverErrors.summary}
          >
            {createsAccount ? (
              <fieldset className="fieldset">
                <legend>{t("invitation.accountLegend")}</legend>
                {asksEmail ? (
                  <TextField
                    label={t("fields.email")}
                    type="email"
                    autoComplete="email"
                    required
                    value={email}
                    onChange={setEmail}
                    error={errors.email ?? serverErrors.field("email")}
                  />
                ) : null}
                <TextField
                  label={t("fields.displayName")}
                  hint={t("invitation.displayNameHint")}
                  autoComplete="name"
                  required
                  value={displayName}
                  onChange={setDisplayName}
                  error={errors.displayName ?? serverErrors.field("displayName")}
                />
                <Checkbox label={t("invitation.linksOnly")} hint={t("invitation.linksOnlyHint")} checked={linksOnly} onChange={setLinksOnly} />
                {!linksOnly ? (
                  <PasswordField
                    label={t("fields.password")}
                    autoComplete="new-password"
                    required
                    value={password}
                    onChange={setPassword}
                    error={errors.password ?? serverErrors.field("password")}
                  />
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
