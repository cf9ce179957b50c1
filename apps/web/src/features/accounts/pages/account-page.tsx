import { useState, type ReactNode } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Language } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { CardItem } from "../../../components/card";
import { Form } from "../../../components/form";
import { Avatar, Badge } from "../../../components/misc";
import { PasswordField } from "../../../components/password-field";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { Select } from "../../../components/select";
import { useErrorMessage } from "../../../app/errors";
import { useFormatDate } from "../../../app/format";
import { useFormValidation } from "../../../app/form-validation";
import { applyLanguage, languages } from "../../../app/i18n";
import { PagedList } from "../../../app/paged-list";
import { StoredImageUpload } from "../../../app/stored-image-upload";
import { useMe } from "../../../app/session";
import {
  sessionsQuery,
  useChangePassword,
  useRevokeSession,
  useSignOutOthers,
  useUpdateProfile,
  useRemoveAvatar,
  useUploadAvatar,
} from "../accounts.queries";
import { DisplayNameField, NewPasswordField, useAccountChecks } from "../components/account-fields";

/** My account: profile and language, picture, password, and the devices where I am signed in. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle([t("account.title"), t("app.name")]);
  return (
    <div className="page page-narrow">
      <RouteHeading>{t("account.title")}</RouteHeading>
      <Section title={t("account.profile")}>
        <ProfileForm />
      </Section>
      <Section title={t("account.avatar")}>
        <AvatarForm />
      </Section>
      <Section title={t("account.password")}>
        <PasswordForm />
      </Section>
      <Section title={t("account.sessions")}>
        <Sessions />
      </Section>
    </div>
  );
}

/** Not labelled regions: "Mot de passe" as a region's name would compete with the password fields' labels. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const update = useUpdateProfile();
  const form = useFormValidation(update.error);
  const checks = useAccountChecks();
  const [displayName, setDisplayName] = useState(me.displayName);

  const submit = () => {
    if (!form.validate({ displayName: checks.displayName(displayName) })) return;
    update.mutate({ displayName: displayName.trim() }, { onSuccess: () => announce(t("common.saved")) });
  };

  // The language applies at once: the choice is saved and the page switches without a reload.
  const changeLanguage = (language: Language) => {
    void applyLanguage(language);
    update.mutate({ language }, { onSuccess: () => announce(t("account.languageChanged", { lng: language })) });
  };

  return (
    <>
      <p>{t("account.email", { email: me.email })}</p>
      <Form onSubmit={submit} submitError={update.error} errorSummary={form.summary}>
        <DisplayNameField hint={t("account.displayNameHint")} value={displayName} onChange={setDisplayName} error={form.fieldError("displayName")} />
        <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t("common.saving")}>
          {t("common.save")}
        </Button>
      </Form>
      <Select
        label={t("fields.language")}
        hint={t("account.languageHint")}
        value={me.language}
        onChange={changeLanguage}
        options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
      />
    </>
  );
}

function AvatarForm() {
  const { t } = useTranslation();
  const me = useMe();
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  return (
    <div className="avatar-form">
      <Avatar name={me.displayName} url={me.avatarUrl} size="large" />
      <StoredImageUpload
        upload={upload}
        remove={remove}
        hasImage={Boolean(me.avatarUrl)}
        words={{
          label: t("account.chooseAvatar"),
          hint: t("account.avatarHint"),
          upload: t("account.uploadAvatar"),
          remove: t("account.removeAvatar"),
          saved: t("account.avatarSaved"),
          removed: t("account.avatarRemoved"),
        }}
      />
    </div>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const change = useChangePassword();
  const form = useFormValidation(change.error);
  const checks = useAccountChecks();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");

  const submit = () => {
    if (!form.validate({ current: me.hasPassword && !current && t("validation.required"), next: checks.newPassword(next) })) return;
    change.mutate(
      { ...(me.hasPassword ? { currentPassword: current } : {}), newPassword: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          announce(t("account.passwordChanged"));
        },
      },
    );
  };

  return (
    <Form onSubmit={submit} submitError={change.error} errorSummary={form.summary}>
      {!me.hasPassword ? <p>{t("account.noPasswordYet")}</p> : null}
      {me.hasPassword ? (
        <PasswordField
          label={t("fields.currentPassword")}
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
          error={form.fieldError("current", "currentPassword")}
        />
      ) : null}
      <NewPasswordField label={t("fields.newPassword")} value={next} onChange={setNext} error={form.fieldError("next", "newPassword")} />
      <Button type="submit" variant="primary" busy={change.isPending} busyLabel={t("common.saving")}>
        {me.hasPassword ? t("account.changePassword") : t("account.setPassword")}
      </Button>
    </Form>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const query = useInfiniteQuery(sessionsQuery);
  const revoke = useRevokeSession();
  const others = useSignOutOthers();
  const error = revoke.error ?? others.error;
  return (
    <>
      <p>{t("account.sessionsIntro")}</p>
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      <Button
        busy={others.isPending}
        onClick={() => others.mutate(undefined, { onSuccess: (result) => announce(t("account.signedOutOthers", { count: result.signedOut })) })}
      >
        {t("account.signOutOthers")}
      </Button>
      <PagedList query={query}>
        {(sessions) => (
          <ul className="card-list">
            {sessions.map((session) => {
              const device = describeUserAgent(session.userAgent) ?? t("account.unknownDevice");
              return (
                <CardItem key={session.id}>
                  <p className="card-title-text">
                    {device} {session.isCurrent ? <Badge tone="success">{t("account.thisDevice")}</Badge> : null}
                  </p>
                  <p className="card-meta">
                    {t("account.lastSeen", { date: formatDate(session.lastSeenAt, true) })}
                    {session.ip ? ` · ${session.ip}` : ""}
                  </p>
                  {!session.isCurrent ? (
                    <Button
                      small
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(session.id, { onSuccess: () => announce(t("account.sessionRevoked")) })}
                    >
                      {t("account.revokeSession")}
                      <span className="visually-hidden"> {device}</span>
                    </Button>
                  ) : null}
                </CardItem>
              );
            })}
          </ul>
        )}
      </PagedList>
    </>
  );
}

/** "Firefox sur Linux" is enough to recognise a device; the raw user agent is not. */
function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}
