import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";

export interface ReviewActionsProps {
  /** While a decision is being sent, no other may be taken. */
  busy: boolean;
  onApprove: () => void;
  onRefuse: () => void;
  /** Further choices, after approve and refuse. */
  children?: ReactNode;
}

/** The decision on a pending request (to join a sphere, or to create one): approve or refuse. */
export function ReviewActions({ busy, onApprove, onRefuse, children }: ReviewActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <Button variant="primary" small disabled={busy} onClick={onApprove}>
        {t("common.approve")}
      </Button>
      <Button small disabled={busy} onClick={onRefuse}>
        {t("common.refuse")}
      </Button>
      {children}
    </div>
  );
}
