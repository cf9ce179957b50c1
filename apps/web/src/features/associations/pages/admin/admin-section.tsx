import type { ReactNode } from "react";
import { Navigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { AssociationPermission } from "@trame/contracts";
import { RouteHeading, useDocumentTitle } from "../../../../components/route-heading";
import { visibleAdminSections } from "../../association-abilities";
import { useAssociation } from "../association-layout";

export interface AdminSectionProps {
  title: string;
  ability: AssociationPermission;
  intro?: ReactNode;
  children: ReactNode;
}

/** One administration section: its h2 (focused on arrival), its title in the tab, and its ability check. */
export function AdminSection({ title, ability, intro, children }: AdminSectionProps) {
  const { t } = useTranslation();
  const association = useAssociation();
  useDocumentTitle([title, t("associationAdmin.title"), association.name]);
  if (association.abilities[ability] !== true) {
    const first = visibleAdminSections(association.abilities)[0];
    return first ? <Navigate to={first.path} params={{ slug: association.slug }} replace /> : null;
  }
  return (
    <section>
      <RouteHeading level={2}>{title}</RouteHeading>
      {intro ? <div className="section-intro">{intro}</div> : null}
      {children}
    </section>
  );
}
