import { Link, useLocation } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { buttonClass } from "../../../components/button";
import type { AssociationBranding } from "../../../app/contract-types";
import { useSession } from "../../../app/session";
import { SphereAbout } from "../components/sphere-about";
import { SpherePageFrame } from "../components/sphere-page-frame";
import { SphereSection } from "../components/sphere-section";

/**
 * A public sphere seen from outside its association: its about page only — who its members are stays theirs to
 * know. Signed out, the way in is to sign in (and come back here); signed in elsewhere, joining takes an
 * invitation to the association.
 */
export function PublicSpherePage({ branding, sphereId }: { branding: AssociationBranding; sphereId: string }) {
  const { t } = useTranslation();
  const signedIn = useSession().user !== null;
  const location = useLocation();

  return (
    <SpherePageFrame association={branding} sphereId={sphereId} backLabel={t("publicView.backToAssociation", { name: branding.name })}>
      {(sphere) => (
        <SphereSection title={t("sphere.about")}>
          <SphereAbout slug={branding.slug} sphere={sphere} />
          {signedIn ? (
            <p>{t("publicView.outsiderJoin", { name: branding.name })}</p>
          ) : (
            <div className="membership-actions">
              <p>{t("publicView.signInHint", { name: branding.name })}</p>
              <Link to="/sign-in" search={{ redirect: location.href }} className={buttonClass("primary")}>
                {t("publicView.signInToJoin")}
              </Link>
            </div>
          )}
        </SphereSection>
      )}
    </SpherePageFrame>
  );
}
