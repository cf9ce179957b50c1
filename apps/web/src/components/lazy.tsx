import { lazy, Suspense, type ComponentType, type ReactNode } from "react";

/**
 * A component loaded on first use (React.lazy over a named export): tools only some people need — managers'
 * panels, dialogs — stay out of everyone's first download.
 */
export function lazyNamed<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  // The cast keeps the export's own prop types for callers: React.lazy's generic only sees a ComponentType.
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<object> })) as unknown as M[K];
}

export function LazyBoundary({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
