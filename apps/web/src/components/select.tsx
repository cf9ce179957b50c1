import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldFrame, useFieldIds } from "./field";

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
}

/** The native select: the phone shows its own picker, which is what Jeanne knows. */
export function Select<V extends string>({ label, hint, error, value, options, onChange, required = true, className, ...rest }: SelectProps<V>) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} required={required} className={className}>
      <select
        {...rest}
        id={ids.inputId}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
