// The accounts module's public surface: the only file of accounts that other modules, the CLI and the test
// harness import (docs/ARCHITECTURE.md, "Module boundaries"). Anything not listed here is internal to accounts.

// People: reads, and the creation of an account inside the caller's transaction.
export { findUserByEmail, findUserById, hasInstanceAdmin, insertUser, isEmailTakenError, type UserRow } from "./accounts.repository.js";
export {
  createSignInLinkInTx,
  createUserAccount,
  isSetupRequired,
  listUsers,
  resetPasswordByEmail,
  useEmailLinkInTx,
} from "./accounts.service.js";
export { presentMe } from "./accounts.presenter.js";

// Passwords and tokens.
export { assertPasswordAcceptable, hashPassword, verifyPassword } from "./passwords.js";
export { generateToken, hashToken } from "./session-tokens.js";

// Sessions.
export { closeSession, openSession, resolveSession } from "./sessions.service.js";

// Query pieces other modules' repositories may join.
export { userProfiles } from "./accounts.joins.js";
