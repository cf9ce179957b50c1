import { useState } from "react";
import { Link } from "@tanstack/react-router";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { SphereCreationRequest } from "@trame/contracts";
import { Alert } from "../../../components/alert";
import { useAnnounce } from "../../../components/announcer";
import { Button } from "../../../components/button";
import { CardItem } from "../../../components/card";
import { Dialog } from "../../../components/dialog";
import { Form } from "../../../components/form";
import { Badge, EmptyState } from "../../../components/misc";
import { Select } from "../../../components/select";
import { TextArea } from "../../../components/text-field";
import { useErrorMessage } from "../../../app/errors";
import { useFormValidation } from "../../../app/form-validation";
import { useFormatDate } from "../../../app/format";
import { PagedList } from "../../../app/paged-list";
import { useAssociation } from "../../associations/pages/association-layout";
import { AdminSection } from "../../associations/pages/admin/admin-section";
import { ReviewActions } from "../components/review-actions";
import { SpherePicker, type PickedSphere } from "../components/sphere-picker";
import { VisibilityBadge } from "../components/visibility-badge";
import { creationRequestsQuery, useDecideCreationRequest } from "../spheres.queries";
import { PendingJoinRequests } from "../../notices/components/pending-join-requests";

type StatusFilter = "pending" | "all";

/** Requests for new spheres: approve, refuse with a reason, or point to a sphere that already exists. */
export function CreationRequestsSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const announce = useAnnounce();
  const [status, setStatus] = useState<StatusFilter>("pending");
  const query = useInfiniteQuery(creationRequestsQuery(association.id, status));
  const decide = useDecideCreationRequest(association.id);
  const [refusing, setRefusing] = useState<SphereCreationRequest | null>(null);
  const [redirecting, setRedirecting] = useState<SphereCreationRequest | null>(null);

  return (
    <AdminSection
      title={t("associationAdmin.section.sphereRequests")}
      ability="sphereCreationRequest.review"
      intro={<p>{t(`associationAdmin.policyHint.${association.sphereCreationPolicy}`)}</p>}
    >
      <PendingJoinRequests associationId={association.id} slug={association.slug} />
      <h3>{t("creationRequests.heading")}</h3>
      <Select
        label={t("creationRequests.filter")}
        value={status}
        onChange={setStatus}
        options={[
          { value: "pending", label: t("creationRequests.pendingOnly") },
          { value: "all", label: t("creationRequests.all") },
        ]}
      />
      {decide.error ? <Alert tone="error">{errorMessage(decide.error)}</Alert> : null}
      <PagedList
        query={query}
        empty={<EmptyState title={status === "pending" ? t("creationRequests.nonePending") : t("creationRequests.none")} />}
      >
        {(requests) => (
          <ul className="card-list">
            {requests.map((request) => (
              <CardItem key={request.id}>
                <h3 className="card-title-text">{request.name}</h3>
                <div className="badges">
                  <VisibilityBadge visibility={request.visibility} />
                  <Badge tone={request.status === "pending" ? "warning" : "neutral"}>{t(`creationRequests.status.${request.status}`)}</Badge>
                </div>
                <p className="card-meta">{t("creationRequests.by", { name: request.requesterName, date: formatDate(request.createdAt) })}</p>
                {request.description ? <p className="prewrap">{request.description}</p> : null}
                {request.reason ? (
                  <p>
                    <strong>{t("creationRequests.reason")}</strong> {request.reason}
                  </p>
                ) : null}
                {request.decisionReason ? (
                  <p>
                    <strong>{t("creationRequests.decisionReason")}</strong> {request.decisionReason}
                  </p>
                ) : null}
                {request.createdSphereId || request.existingSphereId ? (
                  <p>
                    <Link
                      to="/a/$slug/spheres/$sphereId"
                      params={{ slug: association.slug, sphereId: (request.createdSphereId ?? request.existingSphereId) as string }}
                    >
                      {t("creationRequests.openSphere")}
                    </Link>
                  </p>
                ) : null}
                {request.status === "pending" ? (
                  <ReviewActions
                    busy={decide.isPending}
                    onApprove={() =>
                      decide.mutate(
                        { requestId: request.id, decision: "approve" },
                        { onSuccess: () => announce(t("creationRequests.approved", { name: request.name })) },
                      )
                    }
                    onRefuse={() => setRefusing(request)}
                  >
                    <Button small disabled={decide.isPending} onClick={() => setRedirecting(request)}>
                      {t("creationRequests.redirect")}
                    </Button>
                  </ReviewActions>
                ) : null}
              </CardItem>
            ))}
          </ul>
        )}
      </PagedList>
      {refusing ? <RefuseDialog request={refusing} onClose={() => setRefusing(null)} /> : null}
      {redirecting ? <RedirectDialog request={redirecting} onClose={() => setRedirecting(null)} /> : null}
    </AdminSection>
  );
}

function RefuseDialog({ request, onClose }: { request: SphereCreationRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const decide = useDecideCreationRequest(association.id);
  const form = useFormValidation(decide.error);
  const [reason, setReason] = useState("");
  const submit = () => {
    if (!form.validate({ reason: !reason.trim() && t("creationRequests.reasonRequired") })) return;
    decide.mutate(
      { requestId: request.id, decision: "refuse", reason: reason.trim() },
      {
        onSuccess: () => {
          announce(t("creationRequests.refused", { name: request.name }));
          onClose();
        },
      },
    );
  };
  return (
    <Dialog open onClose={onClose} title={t("creationRequests.refuseTitle", { name: request.name })}>
      <Form onSubmit={submit} submitError={decide.error} errorSummary={form.summary}>
        <TextArea
          label={t("creationRequests.refuseReason")}
          hint={t("creationRequests.refuseReasonHint")}
          required
          value={reason}
          onChange={setReason}
          maxLength={2000}
          error={form.fieldError("reason")}
        />
        <Button type="submit" variant="danger" busy={decide.isPending}>
          {t("creationRequests.refuseSubmit")}
        </Button>
      </Form>
    </Dialog>
  );
}

function RedirectDialog({ request, onClose }: { request: SphereCreationRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const decide = useDecideCreationRequest(association.id);
  const form = useFormValidation(decide.error);
  const [sphere, setSphere] = useState<PickedSphere | null>(null);
  const [reason, setReason] = useState("");
  const submit = () => {
    if (!form.validate({ sphere: !sphere && t("creationRequests.sphereRequired") }) || !sphere) return;
    decide.mutate(
      { requestId: request.id, decision: "redirect", existingSphereId: sphere.id, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          announce(t("creationRequests.redirected", { name: request.name, sphere: sphere.name }));
          onClose();
        },
      },
    );
  };
  return (
    <Dialog open onClose={onClose} title={t("creationRequests.redirectTitle", { name: request.name })} wide>
      <Form onSubmit={submit} submitError={decide.error} errorSummary={form.summary}>
        <SpherePicker
          associationId={association.id}
          label={t("creationRequests.existingSphere")}
          value={sphere}
          onChange={setSphere}
          error={form.fieldError("sphere", "existingSphereId")}
        />
        <TextArea label={t("creationRequests.redirectReason")} value={reason} onChange={setReason} maxLength={2000} />
        <Button type="submit" variant="primary" busy={decide.isPending}>
          {t("creationRequests.redirectSubmit")}
        </Button>
      </Form>
    </Dialog>
  );
}
