import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";

export interface ImageUploadProps {
  label: ReactNode;
  hint: ReactNode;
  /** MIME types offered by the file picker, and accepted before sending. */
  accept: readonly string[];
  maxBytes: number;
  busy: boolean;
  uploadLabel: ReactNode;
  onUpload: (file: File) => void;
  /** Shown when there is an image to remove. */
  removeLabel?: ReactNode;
  onRemove?: () => void;
  removing?: boolean;
  /** An error from the server, already translated. */
  error?: string | null;
}

/** Choose an image, checked for type and size before it is sent; optionally remove the current one. */
export function ImageUpload({ label, hint, accept, maxBytes, busy, uploadLabel, onUpload, removeLabel, onRemove, removing, error }: ImageUploadProps) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const shownError = localError ?? error ?? null;

  const choose = (chosen: File | null) => {
    setFile(null);
    setLocalError(null);
    if (!chosen) return;
    if (!accept.includes(chosen.type)) setLocalError(t("components.image.wrongType"));
    else if (chosen.size > maxBytes) setLocalError(t("components.image.tooLarge", { max: Math.round(maxBytes / (1024 * 1024)) }));
    else setFile(chosen);
  };

  return (
    <div className="image-upload">
      <div className={["field", shownError ? "field-invalid" : ""].join(" ")}>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
        <input
          id={id}
          type="file"
          accept={accept.join(",")}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={[shownError ? `${id}-error` : "", `${id}-hint`].filter(Boolean).join(" ")}
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
        {shownError ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {shownError}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <Button variant="primary" disabled={!file} busy={busy} onClick={() => file && onUpload(file)}>
          {uploadLabel}
        </Button>
        {onRemove && removeLabel ? (
          <Button variant="quiet" busy={removing} onClick={onRemove}>
            {removeLabel}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
