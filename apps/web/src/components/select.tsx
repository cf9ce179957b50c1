import type { SelectHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value">, FieldProps {
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
}

/** The native select: the phone shows its own picker, which is what Jeanne knows. */
export function Select<V extends string>({ label, hint, error, value, options, onChange, required = true, className, ...rest }: SelectProps<V>) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <select {...rest} {...control} className="input select" value={value} onChange={(event) => onChange(event.target.value as V)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
