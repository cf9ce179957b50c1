// The spheres module's public surface: the only file of spheres that other modules, the CLI and the test harness
// import (docs/ARCHITECTURE.md, "Module boundaries"). Anything not listed here is internal to spheres.

// Access: who may see a sphere, with which abilities.
export { getVisibleSphere, type SphereAccess } from "./sphere-access.js";
export { sphereAbilities, type SphereAbilityMap } from "./spheres.policy.js";
export { canJoinSphereRoom } from "./spheres.rooms.js";

// Spheres and their members (the *InTx functions run in the caller's transaction, which holds the sphere's lock).
export { hasPublicSphere, lockSphere } from "./spheres.repository.js";
export { changeSphere } from "./sphere-transaction.js";
export { createSphereInTx } from "./spheres.service.js";
export { addSphereMember, addSphereMemberInTx, removeUserFromAssociationSpheres } from "./sphere-members.service.js";
export { requestToJoinSphere } from "./sphere-join-requests.service.js";
export { requestSphereCreation } from "./sphere-creation-requests.service.js";

// Query pieces other modules' repositories may join.
export { isSphereMember, sphereNames } from "./spheres.joins.js";
