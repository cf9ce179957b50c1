import type { ReactNode } from "react";
import { Outlet } from "@tanstack/react-router";
import { RouteHeading } from "../../components/route-heading";

export interface AdminLayoutProps {
  title: string;
  /** Under the heading, e.g. whose administration it is. */
  subtitle?: ReactNode;
  /** The name of the navigation between sections. */
  navLabel: string;
  /** One <li> per section, holding its link. */
  children: ReactNode;
}

/** An administration (of the instance, or of an association): one heading, its sections' links, the chosen section. */
export function AdminLayout({ title, subtitle, navLabel, children }: AdminLayoutProps) {
  return (
    <div className="page admin-page">
      <RouteHeading>{title}</RouteHeading>
      {subtitle}
      <nav aria-label={navLabel} className="subnav">
        <ul>{children}</ul>
      </nav>
      <div className="admin-section">
        <Outlet />
      </div>
    </div>
  );
}
