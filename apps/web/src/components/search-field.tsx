import { useEffect, useId, useState } from "react";

export interface SearchFieldProps {
  label: string;
  /** Called with the trimmed text once typing pauses. */
  onSearch: (query: string) => void;
  initialValue?: string;
  delayMs?: number;
  placeholder?: string;
}

/** A search box that waits for a pause in typing before asking the server (one request, not one per key). */
export function SearchField({ label, onSearch, initialValue = "", delayMs = 300, placeholder }: SearchFieldProps) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const debounced = useDebouncedValue(value.trim(), delayMs);
  useEffect(() => {
    onSearch(debounced);
    // onSearch is usually an inline arrow: only the text should trigger a search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <div className="field search-field" role="search">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(event) => setValue(event.target.value)}
        autoComplete="off"
      />
    </div>
  );
}

export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
