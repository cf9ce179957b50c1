import { useTranslation } from "react-i18next";
import { sphereVisibilities, type SphereVisibility } from "@trame/contracts";
import { RadioGroup } from "../../../components/checkbox";
import { TextArea, TextField } from "../../../components/text-field";
import { SpherePicker, type PickedSphere } from "./sphere-picker";

export interface SphereDraft {
  name: string;
  description: string;
  visibility: SphereVisibility;
  parent: PickedSphere | null;
}

export const emptySphereDraft: SphereDraft = { name: "", description: "", visibility: "private", parent: null };

export interface SphereFormFieldsProps {
  associationId: string;
  draft: SphereDraft;
  onChange: (draft: SphereDraft) => void;
  errors: Record<string, string | undefined>;
  /** The parent is chosen at creation only. */
  withParent: boolean;
  excludeId?: string;
}

/** Name, description, visibility (each explained in plain words) and, at creation, the parent sphere. */
export function SphereFormFields({ associationId, draft, onChange, errors, withParent, excludeId }: SphereFormFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t("fields.sphereName")}
        required
        maxLength={120}
        value={draft.name}
        onChange={(name) => onChange({ ...draft, name })}
        error={errors.name}
      />
      <TextArea
        label={t("fields.description")}
        maxLength={5000}
        value={draft.description}
        onChange={(description) => onChange({ ...draft, description })}
        error={errors.description}
      />
      <RadioGroup
        legend={t("fields.visibility")}
        name="visibility"
        value={draft.visibility}
        onChange={(visibility) => onChange({ ...draft, visibility })}
        options={sphereVisibilities.map((visibility) => ({
          value: visibility,
          label: t(`visibility.${visibility}`),
          hint: t(`visibility.${visibility}Hint`),
        }))}
      />
      {withParent ? (
        <SpherePicker
          associationId={associationId}
          label={t("fields.parentSphere")}
          hint={t("fields.parentSphereHint")}
          noneLabel={t("fields.noParent")}
          value={draft.parent}
          excludeId={excludeId}
          onChange={(parent) => onChange({ ...draft, parent })}
          error={errors.parentId}
        />
      ) : null}
    </>
  );
}
