import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { sphereRoles, type Sphere, type SphereMember, type SphereRole } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { EmptyState } from "../../../components/misc";
import { SearchField } from "../../../components/search-field";
import { PagedList } from "../../../app/paged-list";
import { useSession } from "../../../app/session";
import { MemberDialog } from "../../associations/components/member-dialog";
import { MemberRow } from "../../associations/components/member-row";
import { sphereMembersQuery, useChangeSphereRole, useRemoveSphereMember } from "../spheres.queries";

/** Roles I may give, from my abilities: managers are appointed by association admins, moderators by managers. */
function assignableRoles(sphere: Sphere): SphereRole[] {
  if (sphere.abilities["sphereMember.appointManager"]) return [...sphereRoles];
  if (sphere.abilities["sphereMember.appointModerator"]) return sphereRoles.filter((role) => role !== "manager");
  return [];
}

export function SphereMembers({ associationId, sphere }: { associationId: string; sphere: Sphere }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const query = useInfiniteQuery(sphereMembersQuery(associationId, sphere.id, q));
  const [managing, setManaging] = useState<SphereMember | null>(null);
  const roles = assignableRoles(sphere);
  const canRemove = sphere.abilities["sphereMember.remove"] === true;
  const me = useSession().user;

  const canManage = (member: SphereMember) =>
    member.userId !== me?.id && (canRemove || (roles.length > 0 && (member.role !== "manager" || roles.includes("manager"))));

  return (
    <>
      <SearchField label={t("sphere.searchMembers")} onSearch={setQ} />
      <PagedList
        query={query}
        empty={<EmptyState title={q ? t("sphere.noMemberMatch", { q }) : t("sphere.noMembers")} />}
        failure={() => <Alert tone="error">{t("errors.INTERNAL")}</Alert>}
      >
        {(members) => (
          <ul className="member-list">
            {members.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                roleLabel={t(`roles.sphere.${member.role}`)}
                roleTone={member.role === "manager" ? "info" : "neutral"}
                manage={canManage(member) ? { label: t("sphere.manage"), onClick: () => setManaging(member) } : undefined}
              />
            ))}
          </ul>
        )}
      </PagedList>
      {managing ? (
        <ManageMemberDialog
          associationId={associationId}
          sphere={sphere}
          member={managing}
          roles={rolesFor(roles, managing)}
          canRemove={canRemove}
          onClose={() => setManaging(null)}
        />
      ) : null}
    </>
  );
}

function rolesFor(roles: SphereRole[], member: SphereMember): SphereRole[] {
  // A manager's role may only be changed by whoever may appoint managers.
  if (member.role === "manager" && !roles.includes("manager")) return [];
  return roles;
}

interface ManageMemberDialogProps {
  associationId: string;
  sphere: Sphere;
  member: SphereMember;
  roles: SphereRole[];
  canRemove: boolean;
  onClose: () => void;
}

function ManageMemberDialog({ associationId, sphere, member, roles, canRemove, onClose }: ManageMemberDialogProps) {
  const { t } = useTranslation();
  const changeRole = useChangeSphereRole(associationId, sphere.id);
  const remove = useRemoveSphereMember(associationId, sphere.id);
  const name = member.displayName;

  return (
    <MemberDialog
      member={member}
      roles={roles}
      roleField="sphere-role"
      canRemove={canRemove}
      changeRole={changeRole}
      remove={remove}
      onClose={onClose}
      words={{
        roleOf: t("sphere.roleOf", { name }),
        roleLabel: (role) => t(`roles.sphere.${role}`),
        roleHint: (role) => t(`roles.sphereHint.${role}`),
        saveRole: t("sphere.saveRole"),
        roleChanged: (role) => t("sphere.roleChanged", { name, role: t(`roles.sphere.${role}`) }),
        remove: t("sphere.removeMember"),
        removed: t("sphere.memberRemoved", { name }),
      }}
    />
  );
}
