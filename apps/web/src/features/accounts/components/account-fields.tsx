import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { evaluatePassword } from "@trame/contracts";
import { PasswordField, type PasswordFieldProps } from "../../../components/password-field";
import { TextField, type TextFieldProps } from "../../../components/text-field";
import { looksLikeEmail } from "../../../app/text";

/** The fields of an account, wherever one is created or changed: the same words, and what browsers fill in. */
type AccountTextFieldProps = Omit<TextFieldProps, "label">;

export function EmailField(props: AccountTextFieldProps) {
  const { t } = useTranslation();
  return <TextField label={t("fields.email")} type="email" autoComplete="email" required {...props} />;
}

export function DisplayNameField(props: AccountTextFieldProps) {
  const { t } = useTranslation();
  return <TextField label={t("fields.displayName")} autoComplete="name" required {...props} />;
}

/** A password being chosen: it shows the strength meter of the shared rule. */
export function NewPasswordField({ label, ...props }: Omit<PasswordFieldProps, "label" | "autoComplete"> & { label?: ReactNode }) {
  const { t } = useTranslation();
  return <PasswordField label={label ?? t("fields.password")} autoComplete="new-password" required {...props} />;
}

/** The checks made before an account's fields are sent (the server makes them again): a message, or false. */
export function useAccountChecks() {
  const { t } = useTranslation();
  return {
    email: (value: string) => !looksLikeEmail(value) && t("validation.email"),
    displayName: (value: string) => !value.trim() && t("validation.required"),
    newPassword: (value: string) => !evaluatePassword(value).acceptable && t("validation.weakPassword"),
  };
}
