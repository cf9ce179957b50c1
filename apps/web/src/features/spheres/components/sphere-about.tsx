import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Sphere } from "@trame/contracts";
import { useFormatDate } from "../../../app/format";

/** What anyone who may see a sphere reads about it: description, member count, parent, age. */
export function SphereAbout({ slug, sphere }: { slug: string; sphere: Sphere }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <>
      {sphere.description ? <p className="prewrap">{sphere.description}</p> : <p className="muted">{t("sphere.noDescription")}</p>}
      <ul className="facts">
        <li>{t("spheres.memberCount", { count: sphere.memberCount })}</li>
        {sphere.parentId && sphere.parentName ? (
          <li>
            {t("sphere.partOf")}{" "}
            <Link to="/a/$slug/spheres/$sphereId" params={{ slug, sphereId: sphere.parentId }}>
              {sphere.parentName}
            </Link>
          </li>
        ) : null}
        <li>{t("sphere.createdOn", { date: formatDate(sphere.createdAt) })}</li>
      </ul>
    </>
  );
}
