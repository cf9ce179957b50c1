import type { ButtonHTMLAttributes, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** While true the button is disabled and says so (its label is replaced by `busyLabel` when given). */
  busy?: boolean;
  busyLabel?: ReactNode;
  small?: boolean;
}

/**
 * A real <button>: keyboard and screen readers get it for free. Never an icon alone: it always carries text.
 * While busy it refuses clicks but stays focusable (a disabled button would drop the focus to the page).
 */
export function Button({ variant = "secondary", busy = false, busyLabel, small, className, type, disabled, onClick, children, ...rest }: ButtonProps) {
  const classes = ["btn", `btn-${variant}`, small ? "btn-small" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <button
      {...rest}
      type={type ?? "button"}
      className={classes}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

/** Class names for a router link that looks like a button. */
export function buttonClass(variant: ButtonVariant = "secondary", small = false): string {
  return ["btn", `btn-${variant}`, small ? "btn-small" : ""].filter(Boolean).join(" ");
}
