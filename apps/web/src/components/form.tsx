import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { Alert } from "./alert";

export interface FormProps {
  onSubmit: () => void;
  /** A sentence shown above the fields when something is wrong (announced at once). */
  errorSummary?: string | null;
  /** The last failed submission's error: when it changes, focus goes to the first field in error. */
  submitError?: unknown;
  children: ReactNode;
  className?: string;
  "aria-labelledby"?: string;
  "aria-label"?: string;
}

/**
 * A form that validates with our own translated messages (not the browser's bubbles), and after a failed
 * submit moves the focus to the first field in error.
 */
export function Form({ onSubmit, errorSummary, submitError, children, className, ...aria }: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (submitError) focusFirstInvalid(ref.current);
  }, [submitError]);
  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
    window.requestAnimationFrame(() => focusFirstInvalid(ref.current));
  };
  return (
    <form ref={ref} onSubmit={handle} noValidate className={["form", className ?? ""].filter(Boolean).join(" ")} {...aria}>
      {errorSummary ? <Alert tone="error">{errorSummary}</Alert> : null}
      {children}
    </form>
  );
}

export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}

/** Keeps only the messages that are set: `{}` means the form is valid. */
export function compactErrors(errors: Record<string, string | false | null | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) if (value) result[key] = value;
  return result;
}
