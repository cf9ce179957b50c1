import { useState } from "react";
import { useTranslation } from "react-i18next";
import { compactErrors } from "../components/form";
import { useFormErrors } from "./errors";

/** A message per field when its check fails, a falsy value when it passes. */
export type FieldChecks = Record<string, string | false | null | undefined>;

export interface FormValidation {
  /** The messages of the last check, by field: `{}` when it passed. */
  errors: Readonly<Record<string, string>>;
  /** Checks the fields before sending; true when every check passes (the form may be sent). */
  validate: (checks: FieldChecks) => boolean;
  /** Forgets the messages (a form opened again starts clean). */
  clear: () => void;
  /** The message beside a field: our own check's first, else the server's for `path` (by default the same name). */
  fieldError: (key: string, path?: string) => string | undefined;
  /** The server's message for a field it alone checks (its path in the request body). */
  serverFieldError: (path: string) => string | undefined;
  /** The sentence at the top of the form: "check the fields" after a failed check, else the server's summary. */
  summary: string | null;
}

/** The messages of a form: those of the checks made before sending, then those of the server's answer. */
export function useFormValidation(serverError: unknown): FormValidation {
  const { t } = useTranslation();
  const server = useFormErrors(serverError);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    validate: (checks) => {
      const found = compactErrors(checks);
      setErrors(found);
      return Object.keys(found).length === 0;
    },
    clear: () => setErrors({}),
    fieldError: (key, path = key) => errors[key] ?? server.field(path),
    serverFieldError: server.field,
    summary: Object.keys(errors).length > 0 ? t("errors.checkFields") : server.summary,
  };
}
