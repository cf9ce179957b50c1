import type { ReactNode } from "react";
import { Button } from "../../../components/button";
import { Avatar, Badge, type BadgeTone } from "../../../components/misc";

/** A member as the lists of an association and of its spheres show them. */
export interface MemberSummary<R extends string = string> {
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  role: R;
}

export interface MemberRowProps {
  member: MemberSummary;
  roleLabel: string;
  roleTone: BadgeTone;
  /** Lines under the name (address, date joined); the row then takes the whole width. */
  details?: ReactNode;
  /** The button that opens the member's management, named after the member for screen readers. */
  manage?: { label: string; onClick: () => void };
}

export function MemberRow({ member, roleLabel, roleTone, details, manage }: MemberRowProps) {
  const name = <span className="member-name">{member.displayName}</span>;
  return (
    <li className={details ? "member member-wide" : "member"}>
      <Avatar name={member.displayName} url={member.avatarUrl} size="small" />
      {details ? (
        <div className="member-main">
          {name}
          {details}
        </div>
      ) : (
        name
      )}
      <Badge tone={roleTone}>{roleLabel}</Badge>
      {manage ? (
        <Button small onClick={manage.onClick}>
          {manage.label}
          <span className="visually-hidden"> {member.displayName}</span>
        </Button>
      ) : null}
    </li>
  );
}
