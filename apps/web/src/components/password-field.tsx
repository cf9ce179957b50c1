import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { evaluatePassword } from "@trame/contracts";
import { controlAttributes, FieldFrame, useFieldIds } from "./field";

export interface PasswordFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** "new-password" shows the strength meter and the rule; "current-password" does not. */
  autoComplete: "new-password" | "current-password";
  name?: string;
}

/**
 * A password input with a "show" toggle and, for new passwords, the strength meter of the shared CNIL rule
 * (the same function the server enforces), described in words and not by colour alone.
 */
export function PasswordField({ label, value, onChange, hint, error, required, autoComplete, name }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const meterId = useId();
  const isNew = autoComplete === "new-password";
  const shownHint = hint ?? (isNew ? t("components.password.rule") : undefined);
  const ids = useFieldIds(shownHint, error, isNew && value ? meterId : undefined);
  const evaluation = evaluatePassword(value);
  const levels = [
    t("components.password.strength0"),
    t("components.password.strength1"),
    t("components.password.strength2"),
    t("components.password.strength3"),
    t("components.password.strength4"),
  ];
  return (
    <FieldFrame ids={ids} label={label} hint={shownHint} error={error} required={required}>
      <div className="password-input">
        <input
          {...controlAttributes(ids, error)}
          name={name}
          className="input"
          type={visible ? "text" : "password"}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          required={required}
          spellCheck={false}
          autoCapitalize="off"
        />
        <button type="button" className="btn btn-quiet btn-small" aria-pressed={visible} onClick={() => setVisible((v) => !v)}>
          {visible ? t("components.password.hide") : t("components.password.show")}
        </button>
      </div>
      {isNew && value ? (
        <div className="password-meter" id={meterId}>
          <div className="password-meter-track" aria-hidden="true">
            <div className={`password-meter-bar strength-${evaluation.strength}`} data-strength={evaluation.strength} />
          </div>
          <p className="password-meter-text">
            {t("components.password.strengthLabel", { level: levels[evaluation.strength] })}
            {" — "}
            {evaluation.acceptable ? t("components.password.acceptable") : t("components.password.notAcceptable")}
          </p>
        </div>
      ) : null}
    </FieldFrame>
  );
}
