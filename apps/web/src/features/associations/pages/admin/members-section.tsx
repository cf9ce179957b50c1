import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AssociationMember, AssociationRole } from "@trame/contracts";
import { Alert } from "../../../../components/alert";
import { useAnnounce } from "../../../../components/announcer";
import { Button } from "../../../../components/button";
import { RadioGroup } from "../../../../components/checkbox";
import { Dialog } from "../../../../components/dialog";
import { LoadMore } from "../../../../components/load-more";
import { Avatar, Badge, EmptyState, Skeleton } from "../../../../components/misc";
import { SearchField } from "../../../../components/search-field";
import { useErrorMessage } from "../../../../app/errors";
import { useFormatDate } from "../../../../app/format";
import { itemsOf } from "../../../../app/pagination";
import { useSession } from "../../../../app/session";
import { associationMembersQuery, useChangeAssociationRole, useRemoveAssociationMember } from "../../associations.queries";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

export function MembersSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const [q, setQ] = useState("");
  const query = useInfiniteQuery(associationMembersQuery(association.id, q));
  const members = itemsOf(query.data);
  const [managing, setManaging] = useState<AssociationMember | null>(null);
  const me = useSession().user;

  return (
    <AdminSection title={t("associationAdmin.section.members")} ability="associationMember.changeRole">
      <SearchField label={t("members.search")} onSearch={setQ} />
      {query.isPending ? (
        <Skeleton label={t("common.loading")} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : members.length === 0 ? (
        <EmptyState title={q ? t("members.noMatch", { q }) : t("members.none")} />
      ) : (
        <>
          <ul className="member-list">
            {members.map((member) => (
              <li key={member.userId} className="member member-wide">
                <Avatar name={member.displayName} url={member.avatarUrl} size="small" />
                <div className="member-main">
                  <span className="member-name">{member.displayName}</span>
                  {member.email ? <span className="member-email">{member.email}</span> : null}
                  <span className="card-meta">{t("members.since", { date: formatDate(member.joinedAt) })}</span>
                </div>
                <Badge tone={member.role === "owner" || member.role === "admin" ? "info" : "neutral"}>{t(`roles.association.${member.role}`)}</Badge>
                {member.userId !== me?.id ? (
                  <Button small onClick={() => setManaging(member)}>
                    {t("members.manage")}
                    <span className="visually-hidden"> {member.displayName}</span>
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            shownLabel={t("members.shown", { count: members.length })}
          />
        </>
      )}
      {managing ? <ManageMemberDialog member={managing} onClose={() => setManaging(null)} /> : null}
    </AdminSection>
  );
}

function ManageMemberDialog({ member, onClose }: { member: AssociationMember; onClose: () => void }) {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const change = useChangeAssociationRole(association.id);
  const remove = useRemoveAssociationMember(association.id);
  const [role, setRole] = useState<AssociationRole>(member.role);
  // Only an owner (who may delete the association) hands ownership on; the server checks it again.
  const roles: AssociationRole[] = association.abilities["association.delete"] ? ["owner", "admin", "member", "guest"] : ["admin", "member", "guest"];
  const canChange = member.role !== "owner" || roles.includes("owner");
  const error = change.error ?? remove.error;

  return (
    <Dialog open onClose={onClose} title={member.displayName}>
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {canChange ? (
        <>
          <RadioGroup
            legend={t("members.roleOf", { name: member.displayName })}
            name="association-role"
            value={role}
            onChange={setRole}
            options={roles.map((value) => ({ value, label: t(`roles.association.${value}`), hint: t(`roles.associationHint.${value}`) }))}
          />
          <Button
            variant="primary"
            disabled={role === member.role}
            busy={change.isPending}
            onClick={() =>
              change.mutate(
                { userId: member.userId, role },
                {
                  onSuccess: () => {
                    announce(t("members.roleChanged", { name: member.displayName, role: t(`roles.association.${role}`) }));
                    onClose();
                  },
                },
              )
            }
          >
            {t("members.saveRole")}
          </Button>
        </>
      ) : null}
      {association.abilities["associationMember.remove"] && canChange ? (
        <div className="danger-block">
          <p>{t("members.removeHint")}</p>
          <Button
            variant="danger"
            busy={remove.isPending}
            onClick={() =>
              remove.mutate(member.userId, {
                onSuccess: () => {
                  announce(t("members.removed", { name: member.displayName }));
                  onClose();
                },
              })
            }
          >
            {t("members.remove")}
          </Button>
        </div>
      ) : null}
    </Dialog>
  );
}
