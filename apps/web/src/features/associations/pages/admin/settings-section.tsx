import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { sphereCreationPolicies, type Language, type SphereCreationPolicy } from "@trame/contracts";
import { useAnnounce } from "../../../../components/announcer";
import { Button } from "../../../../components/button";
import { RadioGroup } from "../../../../components/checkbox";
import { compactErrors, Form } from "../../../../components/form";
import { Select } from "../../../../components/select";
import { TextField } from "../../../../components/text-field";
import { useFormErrors } from "../../../../app/errors";
import { listTimeZones } from "../../../../app/time-zones";
import { useUpdateAssociation } from "../../associations.queries";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

export function SettingsSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const update = useUpdateAssociation(association.id);
  const serverErrors = useFormErrors(update.error);
  const [name, setName] = useState(association.name);
  const [language, setLanguage] = useState<Language>(association.language);
  const [timeZone, setTimeZone] = useState(association.timeZone);
  const [policy, setPolicy] = useState<SphereCreationPolicy>(association.sphereCreationPolicy);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zones = useMemo(() => listTimeZones(association.timeZone).map((zone) => ({ value: zone, label: zone })), [association.timeZone]);

  const submit = () => {
    const found = compactErrors({ name: name.trim().length < 2 && t("validation.minLength", { count: 2 }) });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(
      { name: name.trim(), language, timeZone, sphereCreationPolicy: policy },
      { onSuccess: () => announce(t("common.saved")) },
    );
  };

  return (
    <AdminSection title={t("associationAdmin.section.settings")} ability="association.update">
      <Form
        onSubmit={submit}
        submitError={update.error}
        errorSummary={Object.keys(errors).length > 0 ? t("errors.checkFields") : serverErrors.summary}
      >
        <TextField label={t("fields.associationName")} required value={name} onChange={setName} error={errors.name ?? serverErrors.field("name")} />
        <Select
          label={t("fields.language")}
          hint={t("associationAdmin.languageHint")}
          value={language}
          onChange={setLanguage}
          options={[
            { value: "fr", label: t("languages.fr") },
            { value: "en", label: t("languages.en") },
          ]}
        />
        <Select label={t("fields.timeZone")} value={timeZone} onChange={setTimeZone} options={zones} />
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
