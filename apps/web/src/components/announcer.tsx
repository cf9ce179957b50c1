import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

type Politeness = "polite" | "assertive";
type Announce = (message: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce>(() => {});

/**
 * The page's live regions: one polite, one assertive, always in the DOM (a region inserted together with its text
 * is often not read). Messages are also shown, briefly, for sighted users.
 */
export function AnnouncerProvider({ children, label }: { children: ReactNode; label: string }) {
  const [polite, setPolite] = useState("");
  const [assertive, setAssertive] = useState("");
  const timer = useRef<number | undefined>(undefined);

  const announce = useCallback<Announce>((message, politeness = "polite") => {
    const set = politeness === "assertive" ? setAssertive : setPolite;
    // Clear first so that the same message said twice is read twice.
    set("");
    window.setTimeout(() => set(message), 50);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      setPolite("");
      setAssertive("");
    }, 8000);
  }, []);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="announcer" aria-label={label} role="region">
        <p role="status" aria-live="polite" aria-atomic="true" className={polite ? "announcer-message" : "visually-hidden"}>
          {polite}
        </p>
        <p role="alert" aria-live="assertive" aria-atomic="true" className={assertive ? "announcer-message" : "visually-hidden"}>
          {assertive}
        </p>
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
