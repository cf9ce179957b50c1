import { useEffect, useRef, type ReactNode } from "react";

/**
 * Moving focus to the page's heading after a client-side navigation tells screen-reader and keyboard users that
 * the page changed (a full page load would do it for them). The router calls `expectNavigationFocus()`; the
 * headings that mount next compete, and the highest-ranked (h1 before h2) gets the focus.
 */
let expecting = false;
let candidates: { element: HTMLElement; level: number }[] = [];
let scheduled = false;

export function expectNavigationFocus(): void {
  expecting = true;
  candidates = [];
}

function offer(element: HTMLElement, level: number): void {
  if (!expecting) return;
  candidates.push({ element, level });
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    const best = candidates.filter((c) => c.element.isConnected).sort((a, b) => a.level - b.level)[0];
    candidates = [];
    if (!best) return;
    expecting = false;
    best.element.focus({ preventScroll: false });
  });
}

export interface RouteHeadingProps {
  level?: 1 | 2;
  children: ReactNode;
  className?: string;
  id?: string;
}

/** The heading of a page (h1) or of a sub-page (h2) that takes the focus after navigation. */
export function RouteHeading({ level = 1, children, className, id }: RouteHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (ref.current) offer(ref.current, level);
  }, [level]);
  const Tag = level === 1 ? "h1" : "h2";
  return (
    <Tag ref={ref} tabIndex={-1} className={["route-heading", className ?? ""].filter(Boolean).join(" ")} id={id}>
      {children}
    </Tag>
  );
}

/** Sets the document's title while the page is shown. */
export function useDocumentTitle(parts: (string | null | undefined)[]): void {
  const title = parts.filter(Boolean).join(" · ");
  useEffect(() => {
    document.title = title;
  }, [title]);
}
