import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}

/** Placeholder blocks while data loads; the loading itself is announced by the `label` for screen readers. */
export function Skeleton({ lines = 3, label }: { lines?: number; label: string }) {
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

/** A short label; its meaning is always in its text, the colour only repeats it. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Avatar({ name, url, size = "medium" }: { name: string; url: string | null; size?: "small" | "medium" | "large" }) {
  // The name is always written next to the avatar: the picture is decorative.
  if (url) return <img className={`avatar avatar-${size}`} src={url} alt="" loading="lazy" decoding="async" />;
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
  return (
    <span className={`avatar avatar-${size} avatar-initials`} aria-hidden="true">
      {initials || "?"}
    </span>
  );
}
