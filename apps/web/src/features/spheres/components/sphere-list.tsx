import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { SphereSummary } from "@trame/contracts";
import { Badge } from "../../../components/misc";
import { VisibilityBadge } from "./visibility-badge";
import { SphereRequestsBadge } from "../../notices/components/sphere-requests-badge";

export interface SphereListProps {
  slug: string;
  spheres: SphereSummary[];
  /** Offers "Sous-sphères" on each row, to filter the directory by parent. */
  onShowChildren?: (sphere: SphereSummary) => void;
}

export function SphereList({ slug, spheres, onShowChildren }: SphereListProps) {
  const { t } = useTranslation();
  return (
    <ul className="card-list">
      {spheres.map((sphere) => (
        <li key={sphere.id} className="card sphere-card">
          <div className="card-main">
            <Link to="/a/$slug/spheres/$sphereId" params={{ slug, sphereId: sphere.id }} className="card-title">
              {sphere.name}
            </Link>
            <div className="badges">
              <VisibilityBadge visibility={sphere.visibility} />
              {sphere.myRole ? <Badge tone="success">{t(`roles.sphere.${sphere.myRole}`)}</Badge> : null}
              {sphere.hasPendingRequest ? <Badge tone="warning">{t("spheres.pendingRequest")}</Badge> : null}
              {sphere.myRole === "manager" || sphere.myRole === "moderator" ? <SphereRequestsBadge slug={slug} sphereId={sphere.id} /> : null}
              {sphere.archived ? <Badge>{t("spheres.archived")}</Badge> : null}
            </div>
            {sphere.description ? <p className="card-description">{sphere.description}</p> : null}
            <p className="card-meta">
              {t("spheres.memberCount", { count: sphere.memberCount })}
              {onShowChildren ? (
                <>
                  {" · "}
                  <button type="button" className="link-button" onClick={() => onShowChildren(sphere)}>
                    {t("spheres.children")}
                    <span className="visually-hidden"> {t("spheres.ofSphere", { name: sphere.name })}</span>
                  </button>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
