import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { Form } from "../../../components/form";
import { Select } from "../../../components/select";
import { TextArea, TextField } from "../../../components/text-field";
import { Tabs } from "../../../components/tabs";
import { useFormValidation } from "../../../app/form-validation";
import { splitEmailList } from "../../../app/text";
import { useFormatDate } from "../../../app/format";
import type { LinkInvitationResult } from "../../../app/contract-types";
import { useCreateInvitationLink, useInviteByEmail, type InvitationTarget } from "../invitations.queries";

export interface InvitePanelProps {
  associationId: string;
  /** Invite into this sphere (sphere managers); absent: into the association (association admins). */
  sphereId?: string;
  /** Association admins may invite admins and guests; others invite members. */
  canChooseAssociationRole?: boolean;
}

type Mode = "email" | "link";

/** Invite by a pasted list of addresses, or by a link and its QR code. */
export function InvitePanel({ associationId, sphereId, canChooseAssociationRole = false }: InvitePanelProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>("email");
  const [associationRole, setAssociationRole] = useState<"member" | "admin" | "guest">("member");
  const [sphereRole, setSphereRole] = useState<"member" | "moderator" | "guest">("member");
  const target: InvitationTarget = {
    ...(canChooseAssociationRole ? { associationRole } : {}),
    ...(sphereId ? { sphereId, sphereRole } : {}),
  };

  return (
    <div className="invite-panel">
      {canChooseAssociationRole ? (
        <Select
          label={t("invite.associationRole")}
          value={associationRole}
          onChange={setAssociationRole}
          options={(["member", "admin", "guest"] as const).map((role) => ({ value: role, label: t(`roles.association.${role}`) }))}
        />
      ) : null}
      {sphereId ? (
        <Select
          label={t("invite.sphereRole")}
          value={sphereRole}
          onChange={setSphereRole}
          options={(["member", "moderator", "guest"] as const).map((role) => ({ value: role, label: t(`roles.sphere.${role}`) }))}
        />
      ) : null}
      <Tabs
        label={t("invite.how")}
        items={[
          { key: "email", label: t("invite.byEmail") },
          { key: "link", label: t("invite.byLink") },
        ]}
        selected={mode}
        onSelect={setMode}
      >
        {mode === "email" ? <EmailInvite associationId={associationId} target={target} /> : <LinkInvite associationId={associationId} target={target} />}
      </Tabs>
    </div>
  );
}

function EmailInvite({ associationId, target }: { associationId: string; target: InvitationTarget }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const invite = useInviteByEmail(associationId);
  const form = useFormValidation(invite.error);
  const [emails, setEmails] = useState("");
  const [message, setMessage] = useState("");
  const count = splitEmailList(emails).length;

  const submit = () => {
    if (!form.validate({ emails: count === 0 && t("invite.emailsMissing") })) return;
    invite.mutate(
      { ...target, emails, ...(message.trim() ? { message: message.trim() } : {}) },
      {
        onSuccess: (result) => {
          announce(t("invite.sent", { count: result.invited.length }));
          if (result.skipped.length === 0) setEmails("");
        },
      },
    );
  };

  return (
    <Form onSubmit={submit} submitError={invite.error} errorSummary={form.summary}>
      <TextArea
        label={t("invite.emails")}
        hint={t("invite.emailsHint")}
        required
        value={emails}
        onChange={setEmails}
        rows={4}
        spellCheck={false}
        autoCapitalize="off"
        error={form.fieldError("emails")}
      />
      <TextArea label={t("invite.message")} hint={t("invite.messageHint")} value={message} onChange={setMessage} rows={3} maxLength={2000} />
      <Button type="submit" variant="primary" busy={invite.isPending} busyLabel={t("common.sending")}>
        {t("invite.submit")}
      </Button>
      {invite.data ? (
        <Alert tone={invite.data.skipped.length > 0 ? "warning" : "success"}>
          <p>{t("invite.sent", { count: invite.data.invited.length })}</p>
          {invite.data.skipped.length > 0 ? (
            <>
              <p>{t("invite.skipped", { count: invite.data.skipped.length })}</p>
              <ul>
                {invite.data.skipped.map((skip) => (
                  <li key={skip.value}>
                    {skip.value} — {t(`invite.skipReason.${skip.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : null}
    </Form>
  );
}

function LinkInvite({ associationId, target }: { associationId: string; target: InvitationTarget }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const create = useCreateInvitationLink(associationId);
  const form = useFormValidation(create.error);
  const [days, setDays] = useState<"1" | "7" | "30" | "90">("7");
  const [maxUses, setMaxUses] = useState("50");
  const [link, setLink] = useState<LinkInvitationResult | null>(null);

  const submit = () => {
    const uses = Number(maxUses);
    if (!form.validate({ maxUses: !(Number.isInteger(uses) && uses >= 1 && uses <= 10000) && t("validation.range", { min: 1, max: 10000 }) })) return;
    create.mutate({ ...target, expiresInDays: Number(days), maxUses: uses }, { onSuccess: setLink });
  };

  return (
    <>
      <Form onSubmit={submit} submitError={create.error} errorSummary={form.summary}>
        <Select
          label={t("invite.expiresIn")}
          value={days}
          onChange={setDays}
          options={(["1", "7", "30", "90"] as const).map((value) => ({ value, label: t("invite.days", { count: Number(value) }) }))}
        />
        <TextField
          label={t("invite.maxUses")}
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          required
          value={maxUses}
          onChange={setMaxUses}
          error={form.fieldError("maxUses")}
        />
        <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t("common.sending")}>
          {t("invite.createLink")}
        </Button>
      </Form>
      {link ? <InvitationLink link={link} expires={formatDate(link.expiresAt, true)} /> : null}
    </>
  );
}

function InvitationLink({ link, expires }: { link: LinkInvitationResult; expires: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      announce(t("invite.copied"));
    } catch {
      announce(t("invite.copyFailed"), "assertive");
    }
  };
  return (
    <div className="invitation-link">
      <Alert tone="success">{t("invite.linkReady", { date: expires })}</Alert>
      <TextField label={t("invite.link")} value={link.url} onChange={() => {}} readOnly onFocus={(event) => event.currentTarget.select()} />
      <Button onClick={() => void copy()}>{t("invite.copy")}</Button>
      <img className="qr-code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} alt={t("invite.qrAlt")} width={200} height={200} />
    </div>
  );
}
