import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

/** A labelled control whose value is a text. */
interface TextValueProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value">, TextValueProps {}

/** A labelled text input; hint and error are announced with it. Mark optional fields by leaving `required` off. */
export function TextField({ label, hint, error, value, onChange, required, className, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className} id={rest.id}>
      {(control) => <input {...rest} {...control} className="input" value={value} onChange={(event) => onChange(event.target.value)} required={required} />}
    </Field>
  );
}

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value">, TextValueProps {}

export function TextArea({ label, hint, error, value, onChange, required, className, rows = 4, ...rest }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className} id={rest.id}>
      {(control) => (
        <textarea {...rest} {...control} className="input textarea" rows={rows} value={value} onChange={(event) => onChange(event.target.value)} required={required} />
      )}
    </Field>
  );
}
