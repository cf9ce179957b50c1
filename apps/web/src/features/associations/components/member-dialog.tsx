import { useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { RadioGroup } from "../../../components/checkbox";
import { Dialog } from "../../../components/dialog";
import { useErrorMessage } from "../../../app/errors";
import type { MemberSummary } from "./member-row";

/** What the dialog says, in the words of the association or of the sphere. */
export interface MemberDialogWords<R extends string> {
  roleOf: string;
  roleLabel: (role: R) => string;
  roleHint: (role: R) => string;
  saveRole: string;
  /** Announced once the role is saved. */
  roleChanged: (role: R) => string;
  remove: string;
  removeHint?: string;
  /** Announced once the member is removed. */
  removed: string;
}

export interface MemberDialogProps<R extends string> {
  member: MemberSummary<R>;
  /** The roles the member may be given; none when their role may not be changed here. */
  roles: readonly R[];
  /** The name of the radio group of roles. */
  roleField: string;
  canRemove: boolean;
  /** The caller's own mutations, made with the dialog: each opening starts without the last one's error. */
  changeRole: UseMutationResult<unknown, Error, { userId: string; role: R }>;
  remove: UseMutationResult<unknown, Error, string>;
  words: MemberDialogWords<R>;
  onClose: () => void;
}

/** One member's management: change their role, or remove them; what was done is announced. */
export function MemberDialog<R extends string>({ member, roles, roleField, canRemove, changeRole, remove, words, onClose }: MemberDialogProps<R>) {
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const [role, setRole] = useState<R>(member.role);
  const error = changeRole.error ?? remove.error;
  const done = (message: string) => () => {
    announce(message);
    onClose();
  };

  return (
    <Dialog open onClose={onClose} title={member.displayName}>
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {roles.length > 0 ? (
        <>
          <RadioGroup
            legend={words.roleOf}
            name={roleField}
            value={role}
            onChange={setRole}
            options={roles.map((value) => ({ value, label: words.roleLabel(value), hint: words.roleHint(value) }))}
          />
          <Button
            variant="primary"
            disabled={role === member.role}
            busy={changeRole.isPending}
            onClick={() => changeRole.mutate({ userId: member.userId, role }, { onSuccess: done(words.roleChanged(role)) })}
          >
            {words.saveRole}
          </Button>
        </>
      ) : null}
      {canRemove ? (
        <div className="danger-block">
          {words.removeHint ? <p>{words.removeHint}</p> : null}
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(member.userId, { onSuccess: done(words.removed) })}>
            {words.remove}
          </Button>
        </div>
      ) : null}
    </Dialog>
  );
}
