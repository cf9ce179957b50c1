import { useTranslation } from "react-i18next";
import type { SphereVisibility } from "@trame/contracts";
import { Badge, type BadgeTone } from "../../../components/misc";

const tones: Record<SphereVisibility, BadgeTone> = { secret: "danger", private: "warning", open: "success", public: "info" };

/** The visibility said in words (the colour only repeats it). */
export function VisibilityBadge({ visibility }: { visibility: SphereVisibility }) {
  const { t } = useTranslation();
  return (
    <Badge tone={tones[visibility]}>{t(`visibility.${visibility}`)}</Badge>
  );
}
