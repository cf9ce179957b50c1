import { useTranslation } from "react-i18next";
import { fieldErrorsOf, isApiError, type ClientErrorCode } from "./api";

/** The translated sentence for an error: by its stable code, never the server's English message. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (!isApiError(error)) return t("errors.INTERNAL");
    const code: ClientErrorCode = error.code;
    if (code === "VALIDATION_FAILED" && error.fields.length > 0) return t("errors.checkFields");
    return t(`errors.${code}`);
  };
}

export interface FormErrors {
  /** A sentence for the top of the form, or null. */
  summary: string | null;
  /** The message to show beside a field (by its path in the request body, e.g. "admin.email"). */
  field: (path: string) => string | undefined;
}

/**
 * Server errors for a form: one summary, and per-field messages. Field messages are the client's own translated
 * words; the server's (English) detail is not shown to the person.
 */
export function useFormErrors(error: unknown): FormErrors {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return { summary: null, field: () => undefined };
  const fields = fieldErrorsOf(error);
  const code = isApiError(error) ? error.code : "INTERNAL";
  return {
    summary: message(error),
    field: (path) => {
      if (!(path in fields)) return undefined;
      if (code === "CONFLICT") return t("errors.field.taken");
      if (code === "WEAK_PASSWORD") return t("errors.WEAK_PASSWORD");
      return t("errors.field.invalid");
    },
  };
}
