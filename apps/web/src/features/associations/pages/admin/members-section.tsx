import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AssociationMember, AssociationRole } from "@trame/contracts";
import { EmptyState } from "../../../../components/misc";
import { SearchField } from "../../../../components/search-field";
import { useFormatDate } from "../../../../app/format";
import { PagedList } from "../../../../app/paged-list";
import { useSession } from "../../../../app/session";
import { associationMembersQuery, useChangeAssociationRole, useRemoveAssociationMember } from "../../associations.queries";
import { MemberDialog } from "../../components/member-dialog";
import { MemberRow } from "../../components/member-row";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

export function MembersSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const formatDate = useFormatDate();
  const [q, setQ] = useState("");
  const query = useInfiniteQuery(associationMembersQuery(association.id, q));
  const [managing, setManaging] = useState<AssociationMember | null>(null);
  const me = useSession().user;

  return (
    <AdminSection title={t("associationAdmin.section.members")} ability="associationMember.changeRole">
      <SearchField label={t("members.search")} onSearch={setQ} />
      <PagedList
        query={query}
        empty={<EmptyState title={q ? t("members.noMatch", { q }) : t("members.none")} />}
        shownLabel={(count) => t("members.shown", { count })}
      >
        {(members) => (
          <ul className="member-list">
            {members.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                roleLabel={t(`roles.association.${member.role}`)}
                roleTone={member.role === "owner" || member.role === "admin" ? "info" : "neutral"}
                details={
                  <>
                    {member.email ? <span className="member-email">{member.email}</span> : null}
                    <span className="card-meta">{t("members.since", { date: formatDate(member.joinedAt) })}</span>
                  </>
                }
                manage={member.userId !== me?.id ? { label: t("members.manage"), onClick: () => setManaging(member) } : undefined}
              />
            ))}
          </ul>
        )}
      </PagedList>
      {managing ? <ManageMemberDialog member={managing} onClose={() => setManaging(null)} /> : null}
    </AdminSection>
  );
}

function ManageMemberDialog({ member, onClose }: { member: AssociationMember; onClose: () => void }) {
  const { t } = useTranslation();
  const association = useAssociation();
  const changeRole = useChangeAssociationRole(association.id);
  const remove = useRemoveAssociationMember(association.id);
  // Only an owner (who may delete the association) hands ownership on; the server checks it again.
  const roles: AssociationRole[] = association.abilities["association.delete"] ? ["owner", "admin", "member", "guest"] : ["admin", "member", "guest"];
  const canChange = member.role !== "owner" || roles.includes("owner");
  const name = member.displayName;

  return (
    <MemberDialog
      member={member}
      roles={canChange ? roles : []}
      roleField="association-role"
      canRemove={association.abilities["associationMember.remove"] === true && canChange}
      changeRole={changeRole}
      remove={remove}
      onClose={onClose}
      words={{
        roleOf: t("members.roleOf", { name }),
        roleLabel: (role) => t(`roles.association.${role}`),
        roleHint: (role) => t(`roles.associationHint.${role}`),
        saveRole: t("members.saveRole"),
        roleChanged: (role) => t("members.roleChanged", { name, role: t(`roles.association.${role}`) }),
        remove: t("members.remove"),
        removeHint: t("members.removeHint"),
        removed: t("members.removed", { name }),
      }}
    />
  );
}
