import { Fragment, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AssociationMember, AssociationRole } from "@trame/contracts";
import { Button } from "../../../../components/button";
import { Avatar, Badge, EmptyState } from "../../../../components/misc";
import { Select } from "../../../../components/select";
import { SearchField } from "../../../../components/search-field";
import { useFormatDate } from "../../../../app/format";
import { PagedList } from "../../../../app/paged-list";
import { useSession } from "../../../../app/session";
import { associationMembersQuery, useChangeAssociationRole, useRemoveAssociationMember } from "../../associations.queries";
import { MemberDialog } from "../../components/member-dialog";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

const roleFilters = ["", "owner", "admin", "member", "guest"] as const;

/**
 * The members of the association for its admins: one compact row each (name and role, then the e-mail address,
 * which wraps anywhere, and "Gérer"), searched by name and filtered by role on the server, page by page.
 */
export function MembersSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const formatDate = useFormatDate();
  const [q, setQ] = useState("");
  const [role, setRole] = useState<AssociationRole | "">("");
  const query = useInfiniteQuery(associationMembersQuery(association.id, q, role));
  const [managing, setManaging] = useState<AssociationMember | null>(null);
  const me = useSession().user;

  return (
    <AdminSection title={t("associationAdmin.section.members")} ability="associationMember.changeRole">
      <div className="members-filters">
        <SearchField label={t("members.search")} onSearch={setQ} />
        <Select
          label={t("members.filterRole")}
          value={role}
          onChange={setRole}
          required={false}
          options={roleFilters.map((r) => ({ value: r, label: r ? t(`roles.association.${r}`) : t("members.allRoles") }))}
        />
      </div>
      <PagedList
        query={query}
        empty={<EmptyState title={q || role ? t("members.noMatchFilter") : t("members.none")} />}
        shownLabel={(count) => t("members.shown", { count })}
      >
        {(members) => (
          <ul className="member-list">
            {members.map((member) => (
              <li key={member.userId} className="member-compact">
                <Avatar name={member.displayName} url={member.avatarUrl} size="small" />
                <span className="member-compact-name">{member.displayName}</span>
                <span className="member-compact-role">
                  <Badge tone={member.role === "owner" || member.role === "admin" ? "info" : "neutral"}>{t(`roles.association.${member.role}`)}</Badge>
                </span>
                <span className="member-compact-email">
                  {member.email ? <WrappableEmail email={member.email} /> : null}
                  <span className="member-compact-since card-meta">{t("members.since", { date: formatDate(member.joinedAt) })}</span>
                </span>
                {member.userId !== me?.id ? (
                  <span className="member-compact-manage">
                    <Button small onClick={() => setManaging(member)}>
                      {t("members.manage")}
                      <span className="visually-hidden"> {member.displayName}</span>
                    </Button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </PagedList>
      {managing ? <ManageMemberDialog member={managing} onClose={() => setManaging(null)} /> : null}
    </AdminSection>
  );
}

/** An address that wraps where a reader expects it: before the "@" and the dots, not in the middle of a word. */
function WrappableEmail({ email }: { email: string }) {
  const parts = email.split(/(?=[@.])/);
  return (
    <span className="member-email">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
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
