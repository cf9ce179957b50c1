import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom; a "Close" button is always offered. */
  actions?: ReactNode;
  wide?: boolean;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert (the focus stays inside),
 * Escape closes it, and focus returns to whatever opened it.
 */
export function Dialog({ open, onClose, title, children, actions, wide }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    // On closing and on unmounting alike (a parent may simply stop rendering the dialog): focus goes back.
    return () => {
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog-wide" : "dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div className="dialog-body">{children}</div>
          <div className="dialog-actions">
            {actions}
            <button type="button" className="btn btn-secondary" onClick={onClose}>
              {t("components.dialog.close")}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
