import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../components/route-heading";
import { AdminLayout } from "../../../app/layouts/admin-layout";
import { NotFoundPage } from "../../../app/layouts/status-pages";
import { useMe } from "../../../app/session";

/** Instance administration (Mehdi's pages): associations and the outbox. */
export function InstanceAdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle([t("instanceAdmin.title"), t("app.name")]);
  const canManage = me.abilities["instance.manage"] || me.abilities["association.listAll"];
  if (!canManage && !me.abilities["outbox.read"]) return <NotFoundPage />;
  return (
    <AdminLayout title={t("instanceAdmin.title")} navLabel={t("instanceAdmin.sections")}>
      {canManage ? (
        <li>
          <Link to="/admin" activeOptions={{ exact: true }} className="subnav-link">
            {t("instanceAdmin.associations")}
          </Link>
        </li>
      ) : null}
      {me.abilities["outbox.read"] ? (
        <li>
          <Link to="/admin/outbox" className="subnav-link">
            {t("instanceAdmin.outbox")}
          </Link>
        </li>
      ) : null}
    </AdminLayout>
  );
}
