import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/alert";
import { useAnnounce } from "../../../../components/announcer";
import { Button } from "../../../../components/button";
import { compactErrors, Form } from "../../../../components/form";
import { Skeleton } from "../../../../components/misc";
import { TextArea } from "../../../../components/text-field";
import { useErrorMessage, useFormErrors } from "../../../../app/errors";
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
  const serverErrors = useFormErrors(publish.error);
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const current = hasCharter ? charter.data : null;

  useEffect(() => {
    if (current) setBody(current.body);
  }, [current]);

  const submit = () => {
    const found = compactErrors({ body: !body.trim() && t("validation.required") });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
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
          <Form
            onSubmit={submit}
            submitError={publish.error}
            errorSummary={Object.keys(errors).length > 0 ? t("errors.checkFields") : serverErrors.summary}
          >
            <TextArea
              label={t("charter.text")}
              hint={t("charter.textHint")}
              required
              rows={14}
              maxLength={50000}
              value={body}
              onChange={setBody}
              error={errors.body ?? serverErrors.field("body")}
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
