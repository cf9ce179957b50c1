// The associations module's public surface: the only file of associations that other modules, the CLI and the
// test harness import (docs/ARCHITECTURE.md, "Module boundaries"). Anything not listed here is internal.

// Access: who may see an association, with which abilities.
export {
  actorUserId,
  findAssociationAccess,
  getAssociationWithAbility,
  getVisibleAssociation,
  type AssociationAccess,
} from "./association-access.js";
export { associationAbilities, effectiveAssociationRole, isAdminRole, type AssociationAbilityMap } from "./associations.policy.js";

// Associations and their members.
export { holdAssociation, lockAssociation, type AssociationRow } from "./associations.repository.js";
export {
  addAssociationMember,
  createAssociation,
  getAssociationForActor,
  insertAssociationWithOwner,
  listAllAssociations,
  publishCharter,
  updateAssociationSettings,
} from "./associations.service.js";
export { findAssociationMembership } from "./association-members.repository.js";
export { addAssociationMemberInTx } from "./association-members.service.js";

// Query pieces other modules' repositories may join.
export { associationMemberships, associationNames, associationRoleOf } from "./associations.joins.js";
