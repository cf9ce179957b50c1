import { useId, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../../components/search-field";
import { itemsOf } from "../../../app/pagination";
import { sphereDirectoryQuery } from "../spheres.queries";

export interface PickedSphere {
  id: string;
  name: string;
}

export interface SpherePickerProps {
  associationId: string;
  label: string;
  hint?: string;
  value: PickedSphere | null;
  onChange: (sphere: PickedSphere | null) => void;
  /** Label of the "no sphere" choice; when absent a sphere must be picked. */
  noneLabel?: string;
  /** A sphere that may not be chosen (e.g. the sphere itself as its own parent). */
  excludeId?: string;
  error?: string;
}

/**
 * Choosing one sphere among possibly thousands: type a few letters, then pick among the first matches
 * (radio buttons, so the keyboard and screen readers work as with any choice).
 */
export function SpherePicker({ associationId, label, hint, value, onChange, noneLabel, excludeId, error }: SpherePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const query = useInfiniteQuery({ ...sphereDirectoryQuery(associationId, { q, mine: false, parentId: null }, 8), enabled: q.length > 0 });
  const results = itemsOf(query.data).filter((sphere) => sphere.id !== excludeId);

  return (
    <fieldset className={["fieldset sphere-picker", error ? "field-invalid" : ""].join(" ")} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{label}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <p className="sphere-picker-current">
        {value ? t("spherePicker.current", { name: value.name }) : (noneLabel ?? t("spherePicker.noneChosen"))}
      </p>
      <div className="field">
        <label htmlFor={`${id}-search`} className="field-label">
          {t("spherePicker.search")}
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="sphere-picker-results">
        {noneLabel ? (
          <div className="checkbox">
            <input type="radio" id={`${id}-none`} name={id} checked={value === null} onChange={() => onChange(null)} />
            <label htmlFor={`${id}-none`}>{noneLabel}</label>
          </div>
        ) : null}
        {value && !results.some((r) => r.id === value.id) ? (
          <div className="checkbox">
            <input type="radio" id={`${id}-current`} name={id} checked onChange={() => onChange(value)} />
            <label htmlFor={`${id}-current`}>{value.name}</label>
          </div>
        ) : null}
        {results.map((sphere) => (
          <div className="checkbox" key={sphere.id}>
            <input
              type="radio"
              id={`${id}-${sphere.id}`}
              name={id}
              checked={value?.id === sphere.id}
              onChange={() => onChange({ id: sphere.id, name: sphere.name })}
            />
            <label htmlFor={`${id}-${sphere.id}`}>{sphere.name}</label>
          </div>
        ))}
      </div>
      <p className="field-hint" role="status">
        {q.length === 0 ? "" : query.isFetching ? t("common.searching") : t("spherePicker.results", { count: results.length })}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
