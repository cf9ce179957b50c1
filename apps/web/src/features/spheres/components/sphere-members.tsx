import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { sphereRoles, type Sphere, type SphereMember, type SphereRole } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { RadioGroup } from "../../../components/checkbox";
import { Dialog } from "../../../components/dialog";
import { LoadMore } from "../../../components/load-more";
import { Avatar, Badge, EmptyState, Skeleton } from "../../../components/misc";
import { SearchField } from "../../../components/search-field";
import { useErrorMessage } from "../../../app/errors";
import { itemsOf } from "../../../app/pagination";
import { useSession } from "../../../app/session";
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
  const members = itemsOf(query.data);
  const [managing, setManaging] = useState<SphereMember | null>(null);
  const roles = assignableRoles(sphere);
  const canRemove = sphere.abilities["sphereMember.remove"] === true;
  const me = useSession().user;

  const canManage = (member: SphereMember) =>
    member.userId !== me?.id && (canRemove || (roles.length > 0 && (member.role !== "manager" || roles.includes("manager"))));

  return (
    <>
      <SearchField label={t("sphere.searchMembers")} onSearch={setQ} />
      {query.isPending ? (
        <Skeleton label={t("common.loading")} />
      ) : query.isError ? (
        <Alert tone="error">{t("errors.INTERNAL")}</Alert>
      ) : members.length === 0 ? (
        <EmptyState title={q ? t("sphere.noMemberMatch", { q }) : t("sphere.noMembers")} />
      ) : (
        <>
          <ul className="member-list">
            {members.map((member) => (
              <li key={member.userId} className="member">
                <Avatar name={member.displayName} url={member.avatarUrl} size="small" />
                <span className="member-name">{member.displayName}</span>
                <Badge tone={member.role === "manager" ? "info" : "neutral"}>{t(`roles.sphere.${member.role}`)}</Badge>
                {canManage(member) ? (
                  <Button small onClick={() => setManaging(member)}>
                    {t("sphere.manage")}
                    <span className="visually-hidden"> {member.displayName}</span>
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
        </>
      )}
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
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const changeRole = useChangeSphereRole(associationId, sphere.id);
  const remove = useRemoveSphereMember(associationId, sphere.id);
  const [role, setRole] = useState<SphereRole>(member.role);
  const error = changeRole.error ?? remove.error;

  return (
    <Dialog open onClose={onClose} title={member.displayName}>
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {roles.length > 0 ? (
        <>
          <RadioGroup
            legend={t("sphere.roleOf", { name: member.displayName })}
            name="sphere-role"
            value={role}
            onChange={setRole}
            options={roles.map((value) => ({ value, label: t(`roles.sphere.${value}`), hint: t(`roles.sphereHint.${value}`) }))}
          />
          <Button
            variant="primary"
            disabled={role === member.role}
            busy={changeRole.isPending}
            onClick={() =>
              changeRole.mutate(
                { userId: member.userId, role },
                {
                  onSuccess: () => {
                    announce(t("sphere.roleChanged", { name: member.displayName, role: t(`roles.sphere.${role}`) }));
                    onClose();
                  },
                },
              )
            }
          >
            {t("sphere.saveRole")}
          </Button>
        </>
      ) : null}
      {canRemove ? (
        <div className="danger-block">
          <Button
            variant="danger"
            busy={remove.isPending}
            onClick={() =>
              remove.mutate(member.userId, {
                onSuccess: () => {
                  announce(t("sphere.memberRemoved", { name: member.displayName }));
                  onClose();
                },
              })
            }
          >
            {t("sphere.removeMember")}
          </Button>
        </div>
      ) : null}
    </Dialog>
  );
}
