import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface FieldIds {
  inputId: string;
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
}

/** Ids that tie a control to its label, hint and error (aria-describedby), so they are read together. */
export function useFieldIds(hint: ReactNode, error: ReactNode, extra?: string, inputId?: string): FieldIds {
  const generated = useId();
  // A caller's own id wins (a page may focus the control by it); hint and error ids derive from it.
  const base = inputId ?? generated;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [errorId, hintId, extra].filter(Boolean).join(" ") || undefined;
  return { inputId: inputId ?? `${base}-input`, hintId, errorId, describedBy };
}

/** The words around a control: its label, hint and error, and whether it must be filled. */
export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  className?: string;
  /** The control's id, when the page needs to reach it (e.g. to move focus there); generated otherwise. */
  id?: string;
}

/** The attributes that tie a control to its frame, so that its label, hint and error are read with it. */
export interface ControlAttributes {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export function controlAttributes(ids: FieldIds, error: ReactNode): ControlAttributes {
  return { id: ids.inputId, "aria-invalid": error ? true : undefined, "aria-describedby": ids.describedBy };
}

/** A control in its frame: `children` draws the control with the attributes that tie it to its words. */
export function Field({ children, ...frame }: FieldProps & { children: (control: ControlAttributes) => ReactNode }) {
  const ids = useFieldIds(frame.hint, frame.error, undefined, frame.id);
  return (
    <FieldFrame ids={ids} {...frame}>
      {children(controlAttributes(ids, frame.error))}
    </FieldFrame>
  );
}

export interface FieldFrameProps {
  ids: FieldIds;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
}

/** Label above, hint and error below: the same layout for every kind of control. */
export function FieldFrame({ ids, label, hint, error, required, children, className }: FieldFrameProps) {
  const { t } = useTranslation();
  return (
    <div className={["field", error ? "field-invalid" : "", className ?? ""].filter(Boolean).join(" ")}>
      <label htmlFor={ids.inputId} className="field-label">
        {label}
        {required ? null : <span className="field-optional"> {t("components.field.optional")}</span>}
      </label>
      {hint ? (
        <p id={ids.hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={ids.errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
