import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/alert";
import { useAnnounce } from "../../../../components/announcer";
import { Button } from "../../../../components/button";
import { Form } from "../../../../components/form";
import { Skeleton } from "../../../../components/misc";
import { TextArea } from "../../../../components/text-field";
import { useErrorMessage } from "../../../../app/errors";
import { useFormValidation } from "../../../../app/form-validation";
import { useFormatDate } from "../../../../app/format";
import { charterQuery, usePublishCharter } from "../../associations.queries";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

export function CharterSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  // Until a first version is published there is nothing to read: asking would only get a 404 (and a console error).
  const hasCharter = association.charterVersion !== null;
  const charter = useQuery({ ...charterQuery(association.id), enabled: hasCharter });
  const publish = usePublishCharter(association.id);
  const form = useFormValidation(publish.error);
  const [body, setBody] = useState("");
  const current = hasCharter ? charter.data : null;

  useEffect(() => {
    if (current) setBody(current.body);
  }, [current]);

  const submit = () => {
    if (!form.validate({ body: !body.trim() && t("validation.required") })) return;
    publish.mutate(body.trim(), { onSuccess: (published) => announce(t("charter.published", { version: published.version })) });
  };

  return (
    <AdminSection title={t("associationAdmin.section.charter")} ability="association.update" intro={<p>{t("charter.intro")}</p>}>
      {hasCharter && charter.isPending ? (
        <Skeleton label={t("common.loading")} />
      ) : hasCharter && charter.isError ? (
        <Alert tone="error">{errorMessage(charter.error)}</Alert>
      ) : (
        <>
          <p>{current ? t("charter.current", { version: current.version, date: formatDate(current.createdAt) }) : t("charter.none")}</p>
          <Form onSubmit={submit} submitError={publish.error} errorSummary={form.summary}>
            <TextArea
              label={t("charter.text")}
              hint={t("charter.textHint")}
              required
              rows={14}
              maxLength={50000}
              value={body}
              onChange={setBody}
              error={form.fieldError("body")}
            />
            <Button type="submit" variant="primary" busy={publish.isPending} busyLabel={t("common.saving")} disabled={current?.body === body.trim()}>
              {t("charter.publish")}
            </Button>
          </Form>
        </>
      )}
    </AdminSection>
  );
}
