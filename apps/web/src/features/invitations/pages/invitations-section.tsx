import { useId } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Invitation } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { CardItem } from "../../../components/card";
import { Badge, EmptyState } from "../../../components/misc";
import { useErrorMessage } from "../../../app/errors";
import { useFormatDate } from "../../../app/format";
import { PagedList } from "../../../app/paged-list";
import { useAssociation } from "../../associations/pages/association-layout";
import { AdminSection } from "../../associations/pages/admin/admin-section";
import { InvitePanel } from "../components/invite-panel";
import { invitationsQuery, useRevokeInvitation } from "../invitations.queries";

function statusOf(invitation: Invitation): "revoked" | "expired" | "used" | "active" {
  if (invitation.revoked) return "revoked";
  if (new Date(invitation.expiresAt).getTime() < Date.now()) return "expired";
  if (invitation.maxUses !== null && invitation.useCount >= invitation.maxUses) return "used";
  return "active";
}

export function InvitationsSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const listHeadingId = useId();
  const newHeadingId = useId();
  return (
    <AdminSection title={t("associationAdmin.section.invitations")} ability="invitation.list">
      {association.abilities["invitation.create"] ? (
        <section aria-labelledby={newHeadingId} className="subsection">
          <h3 id={newHeadingId}>{t("invitations.new")}</h3>
          <InvitePanel associationId={association.id} canChooseAssociationRole />
        </section>
      ) : null}
      <section aria-labelledby={listHeadingId} className="subsection">
        <h3 id={listHeadingId}>{t("invitations.list")}</h3>
        <InvitationList />
      </section>
    </AdminSection>
  );
}

function InvitationList() {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const query = useInfiniteQuery(invitationsQuery(association.id, null));
  const revoke = useRevokeInvitation(association.id);
  return (
    <PagedList query={query} empty={<EmptyState title={t("invitations.empty")} />}>
      {(invitations) => (
        <>
          {revoke.error ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
          <ul className="card-list">
            {invitations.map((invitation) => {
              const status = statusOf(invitation);
              const who = invitation.kind === "email" ? (invitation.email ?? "") : t("invitations.linkLabel");
              return (
                <CardItem key={invitation.id}>
                  <p className="card-title-text">{who}</p>
                  <div className="badges">
                    <Badge tone={status === "active" ? "success" : "neutral"}>{t(`invitations.status.${status}`)}</Badge>
                    <Badge>{t(`roles.association.${invitation.associationRole}`)}</Badge>
                  </div>
                  <p className="card-meta">
                    {invitation.sphereName ? `${t("invitations.sphere", { name: invitation.sphereName, role: t(`roles.sphere.${invitation.sphereRole}`) })} · ` : ""}
                    {t("invitations.expires", { date: formatDate(invitation.expiresAt) })}
                    {invitation.kind === "link" ? ` · ${t("invitations.uses", { count: invitation.useCount, max: invitation.maxUses ?? "∞" })}` : ""}
                    {invitation.invitedByName ? ` · ${t("invitations.invitedBy", { name: invitation.invitedByName })}` : ""}
                  </p>
                  {status === "active" && association.abilities["invitation.revoke"] ? (
                    <Button
                      small
                      variant="danger"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(invitation.id, { onSuccess: () => announce(t("invitations.revoked")) })}
                    >
                      {t("invitations.revoke")}
                      <span className="visually-hidden"> {who}</span>
                    </Button>
                  ) : null}
                </CardItem>
              );
            })}
          </ul>
        </>
      )}
    </PagedList>
  );
}
