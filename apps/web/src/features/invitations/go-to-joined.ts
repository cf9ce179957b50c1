import { useNavigate } from "@tanstack/react-router";
import type { JoinedInvitation } from "../../app/contract-types";

/** Where an accepted invitation leads: its sphere, or the association's home. */
export function useGoToJoined() {
  const navigate = useNavigate();
  return (result: JoinedInvitation, replace = false) =>
    result.sphereId
      ? navigate({ to: "/a/$slug/spheres/$sphereId", params: { slug: result.associationSlug, sphereId: result.sphereId }, replace })
      : navigate({ to: "/a/$slug", params: { slug: result.associationSlug }, replace });
}
