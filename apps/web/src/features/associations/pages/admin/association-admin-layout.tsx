import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../../components/route-heading";
import { AdminLayout } from "../../../../app/layouts/admin-layout";
import { NotFoundPage } from "../../../../app/layouts/status-pages";
import { visibleAdminSections } from "../../association-abilities";
import { useAssociation } from "../association-layout";
import { AdminPendingCount } from "../../../notices/components/pending-count";

/** The association's administration: one heading, the sections my abilities open, the chosen section. */
export function AssociationAdminLayout() {
  const { t } = useTranslation();
  const association = useAssociation();
  useDocumentTitle([t("associationAdmin.title"), association.name]);
  const sections = visibleAdminSections(association.abilities);
  if (sections.length === 0) return <NotFoundPage />;
  return (
    <AdminLayout title={t("associationAdmin.title")} subtitle={<p className="muted">{association.name}</p>} navLabel={t("associationAdmin.sections")}>
      {sections.map((section) => (
        <li key={section.key}>
          <Link to={section.path} params={{ slug: association.slug }} activeOptions={{ exact: true }} className="subnav-link">
            {t(`associationAdmin.section.${section.key}`)}
            {section.key === "sphereRequests" ? <AdminPendingCount associationId={association.id} /> : null}
          </Link>
        </li>
      ))}
    </AdminLayout>
  );
}
