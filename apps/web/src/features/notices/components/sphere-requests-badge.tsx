import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/misc";
import { useSession } from "../../../app/session";
import { associationBySlugQuery } from "../../associations/associations.queries";
import { pendingForSphere, pendingReviewsQuery } from "../notices.queries";

/** "2 demandes" on a sphere of a list, for those who review its requests. */
export function SphereRequestsBadge({ slug, sphereId }: { slug: string; sphereId: string }) {
  const { t } = useTranslation();
  const signedIn = Boolean(useSession().user);
  const association = useQuery({ ...associationBySlugQuery(slug), enabled: signedIn });
  const associationId = association.data?.id ?? "";
  const pending = useQuery({ ...pendingReviewsQuery(associationId), enabled: Boolean(associationId) });
  const count = pendingForSphere(pending.data, sphereId);
  if (count === 0) return null;
  return <Badge tone="warning">{t("notices.requestsBadge", { count })}</Badge>;
}
