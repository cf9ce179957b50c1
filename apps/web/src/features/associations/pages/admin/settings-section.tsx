import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sphereCreationPolicies, type SphereCreationPolicy } from "@trame/contracts";
import { useAnnounce } from "../../../../components/announcer";
import { Button } from "../../../../components/button";
import { RadioGroup } from "../../../../components/checkbox";
import { Form } from "../../../../components/form";
import { useFormValidation } from "../../../../app/form-validation";
import { useUpdateAssociation } from "../../associations.queries";
import { AssociationFormFields, useAssociationChecks, type AssociationDraft } from "../../components/association-form-fields";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

export function SettingsSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const update = useUpdateAssociation(association.id);
  const form = useFormValidation(update.error);
  const checks = useAssociationChecks();
  const [draft, setDraft] = useState<AssociationDraft>({
    name: association.name,
    slug: association.slug,
    language: association.language,
    timeZone: association.timeZone,
  });
  const [policy, setPolicy] = useState<SphereCreationPolicy>(association.sphereCreationPolicy);

  const submit = () => {
    if (!form.validate({ name: checks.name(draft.name) })) return;
    update.mutate(
      { name: draft.name.trim(), language: draft.language, timeZone: draft.timeZone, sphereCreationPolicy: policy },
      { onSuccess: () => announce(t("common.saved")) },
    );
  };

  return (
    <AdminSection title={t("associationAdmin.section.settings")} ability="association.update">
      <Form onSubmit={submit} submitError={update.error} errorSummary={form.summary}>
        <AssociationFormFields
          draft={draft}
          onChange={setDraft}
          withSlug={false}
          languageHint={t("associationAdmin.languageHint")}
          savedTimeZone={association.timeZone}
          errors={{ name: form.fieldError("name") }}
        />
        <RadioGroup
          legend={t("associationAdmin.policyLegend")}
          name="sphere-creation-policy"
          value={policy}
          onChange={setPolicy}
          options={sphereCreationPolicies.map((value) => ({
            value,
            label: t(`associationAdmin.policy.${value}`),
            hint: t(`associationAdmin.policyHint.${value}`),
          }))}
        />
        <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t("common.saving")}>
          {t("common.save")}
        </Button>
      </Form>
    </AdminSection>
  );
}
