import { useTranslation } from "react-i18next";
import type { SphereVisibility } from "@trame/contracts";
import { Badge, type BadgeTone } from "../../../components/misc";

const tones: Record<SphereVisibility, BadgeTone> = { secret: "danger", private: "warning", open: "success", public: "info" };
const icons: Record<SphereVisibility, string> = { secret: "🔒", private: "✋", open: "○", public: "🌐" };

/** The visibility said in words (the colour and icon only repeat it). */
export function VisibilityBadge({ visibility }: { visibility: SphereVisibility }) {
  const { t } = useTranslation();
  return (
    <Badge tone={tones[visibility]}>
      <span aria-hidden="true">{icons[visibility]} </span>
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}
