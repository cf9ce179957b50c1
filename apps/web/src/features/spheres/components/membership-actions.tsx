import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Sphere } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";
import { Form } from "../../../components/form";
import { TextArea } from "../../../components/text-field";
import { useErrorMessage } from "../../../app/errors";
import { useCancelJoinRequest, useJoinSphere, useLeaveSphere, useRequestToJoin } from "../spheres.queries";

/** Join, ask to join (with a message), see or cancel my pending request, or leave — whichever the abilities allow. */
export function MembershipActions({ associationId, sphere }: { associationId: string; sphere: Sphere }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const join = useJoinSphere(associationId, sphere.id);
  const requestJoin = useRequestToJoin(associationId, sphere.id);
  const leave = useLeaveSphere(associationId, sphere.id);
  const cancelRequest = useCancelJoinRequest(associationId, sphere.id);
  const [message, setMessage] = useState("");
  const [confirmLeave, setConfirmLeave] = useState(false);
  const abilities = sphere.abilities;
  const error = join.error ?? requestJoin.error ?? leave.error ?? cancelRequest.error;
  const pendingRequestId = sphere.myRole ? null : sphere.myPendingRequestId;

  return (
    <div className="membership-actions">
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {sphere.myRole ? (
        <p>{t("sphere.youAre", { role: t(`roles.sphere.${sphere.myRole}`) })}</p>
      ) : null}
      {!sphere.myRole && abilities["sphere.join"] ? (
        <Button
          variant="primary"
          busy={join.isPending}
          onClick={() => join.mutate(undefined, { onSuccess: () => announce(t("sphere.joined", { name: sphere.name })) })}
        >
          {t("sphere.join")}
        </Button>
      ) : null}
      {!sphere.myRole && sphere.hasPendingRequest ? (
        <Alert tone="info" live={false}>
          {t("sphere.requestPending")}
        </Alert>
      ) : null}
      {pendingRequestId ? (
        <Button
          busy={cancelRequest.isPending}
          onClick={() =>
            cancelRequest.mutate(pendingRequestId, { onSuccess: () => announce(t("sphere.requestCancelled", { name: sphere.name })) })
          }
        >
          {t("sphere.cancelRequest")}
        </Button>
      ) : null}
      {!sphere.myRole && !sphere.hasPendingRequest && !abilities["sphere.join"] && abilities["sphere.requestJoin"] ? (
        <Form
          onSubmit={() =>
            requestJoin.mutate(message.trim(), {
              onSuccess: () => {
                setMessage("");
                announce(t("sphere.requestSent", { name: sphere.name }));
              },
            })
          }
        >
          <TextArea label={t("sphere.requestMessage")} hint={t("sphere.requestMessageHint")} value={message} onChange={setMessage} rows={3} maxLength={1000} />
          <Button type="submit" variant="primary" busy={requestJoin.isPending}>
            {t("sphere.requestJoin")}
          </Button>
        </Form>
      ) : null}
      {sphere.myRole && abilities["sphere.leave"] ? (
        <>
          <Button onClick={() => setConfirmLeave(true)}>{t("sphere.leave")}</Button>
          <Dialog
            open={confirmLeave}
            onClose={() => setConfirmLeave(false)}
            title={t("sphere.leaveTitle", { name: sphere.name })}
            actions={
              <Button
                variant="danger"
                busy={leave.isPending}
                onClick={() =>
                  leave.mutate(undefined, {
                    onSuccess: () => {
                      setConfirmLeave(false);
                      announce(t("sphere.left", { name: sphere.name }));
                    },
                  })
                }
              >
                {t("sphere.leaveConfirm")}
              </Button>
            }
          >
            {leave.error ? <Alert tone="error">{errorMessage(leave.error)}</Alert> : null}
            <p>{sphere.visibility === "secret" || sphere.visibility === "private" ? t("sphere.leaveWarningClosed") : t("sphere.leaveWarning")}</p>
          </Dialog>
        </>
      ) : null}
    </div>
  );
}
