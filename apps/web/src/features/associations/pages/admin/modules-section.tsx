import { useState } from "react";
import { useTranslation } from "react-i18next";
import { moduleNames, type ModuleName } from "@trame/contracts";
import { useAnnounce } from "../../../../components/announcer";
import { Button } from "../../../../components/button";
import { Checkbox } from "../../../../components/checkbox";
import { Form } from "../../../../components/form";
import { useFormErrors } from "../../../../app/errors";
import { useUpdateAssociation } from "../../associations.queries";
import { useAssociation } from "../association-layout";
import { AdminSection } from "./admin-section";

/** Modules that exist in this release; the others can be chosen ahead but do nothing yet. */
const availableModules: readonly ModuleName[] = ["spheres"];

export function ModulesSection() {
  const { t } = useTranslation();
  const association = useAssociation();
  const announce = useAnnounce();
  const update = useUpdateAssociation(association.id);
  const serverErrors = useFormErrors(update.error);
  const [enabled, setEnabled] = useState<Set<ModuleName>>(new Set(association.enabledModules));

  const toggle = (name: ModuleName, on: boolean) =>
    setEnabled((current) => {
      const next = new Set(current);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  return (
    <AdminSection title={t("associationAdmin.section.modules")} ability="association.update" intro={<p>{t("modules.intro")}</p>}>
      <Form
        onSubmit={() =>
          update.mutate(
            { enabledModules: moduleNames.filter((name) => enabled.has(name)) },
            { onSuccess: () => announce(t("common.saved")) },
          )
        }
        submitError={update.error}
        errorSummary={serverErrors.summary}
      >
        <fieldset className="fieldset">
          <legend>{t("modules.legend")}</legend>
          {moduleNames.map((name) => (
            <Checkbox
              key={name}
              label={t(`modules.name.${name}`)}
              hint={availableModules.includes(name) ? t(`modules.hint.${name}`) : `${t(`modules.hint.${name}`)} ${t("modules.soon")}`}
              checked={enabled.has(name)}
              onChange={(on) => toggle(name, on)}
            />
          ))}
        </fieldset>
        <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t("common.saving")}>
          {t("common.save")}
        </Button>
      </Form>
    </AdminSection>
  );
}
