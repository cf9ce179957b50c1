import type { CliCommand } from "./command.js";
import { serveCommand } from "./serve.js";
import { migrateCommand } from "./migrate.js";
import { setupCommand } from "./setup.js";
import { demoCommand } from "./demo.js";
import { associationCreateCommand } from "./association-create.js";
import { associationListCommand } from "./association-list.js";
import { userCreateCommand } from "./user-create.js";
import { userListCommand } from "./user-list.js";
import { userResetPasswordCommand } from "./user-reset-password.js";

/**
 * Every command of `trame`, in the order `trame --help` lists them. Command files import the application lazily,
 * inside run(): `trame --help` stays instant.
 */
export const commands: readonly CliCommand[] = [
  serveCommand,
  migrateCommand,
  setupCommand,
  demoCommand,
  associationCreateCommand,
  associationListCommand,
  userCreateCommand,
  userListCommand,
  userResetPasswordCommand,
];
