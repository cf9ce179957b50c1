import { helpOption, type CliCommand } from "./command.js";

export const migrateCommand: CliCommand = {
  path: ["migrate"],
  summary: "Apply the pending database migrations and exit.",
  details:
    "The server applies them at start too (under an advisory lock, so several nodes starting together are safe);\n" +
    "this command lets an upgrade migrate before the new nodes start.",
  options: { help: helpOption },
  async run() {
    const { withAppContext } = await import("./context.js");
    await withAppContext(async (ctx) => {
      const where = ctx.database.kind === "pglite" ? `embedded database in ${ctx.config.dataDir}` : "PostgreSQL";
      console.log(`The database is up to date (${where}).`);
    });
  },
};
