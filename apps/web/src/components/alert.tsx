import type { ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "error";

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role=alert); other tones wait their turn (role=status). Static notes need no role. */
  live?: boolean;
}

/** A message box whose tone is said in words and shape, not by colour alone. */
export function Alert({ tone = "info", title, children, live = true }: AlertProps) {
  const role = live ? (tone === "error" ? "alert" : "status") : undefined;
  const icon = { info: "ℹ", success: "✓", warning: "⚠", error: "⚠" }[tone];
  return (
    <div className={`alert alert-${tone}`} role={role}>
      <span className="alert-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="alert-content">
        {title ? <p className="alert-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
