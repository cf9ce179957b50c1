import { CliError, formatTable, helpOption, optionalString, type CliCommand } from "./command.js";

export const userListCommand: CliCommand = {
  path: ["user", "list"],
  summary: "List the accounts of the instance, by e-mail address.",
  options: {
    search: { type: "string", short: "q", valueName: "TEXT", description: "Only accounts whose address or name contains TEXT." },
    limit: { type: "string", valueName: "N", description: "At most N accounts (default: all)." },
    help: helpOption,
  },
  async run(values) {
    const limitText = optionalString(values, "limit");
    const max = limitText === undefined ? Infinity : Number(limitText);
    if (!Number.isInteger(max) && max !== Infinity) throw new CliError("--limit must be a whole number.");
    if (max < 1) throw new CliError("--limit must be at least 1.");
    const q = optionalString(values, "search");
    const { withAppContext } = await import("./context.js");
    const { listUsers } = await import("../modules/accounts/accounts.public.js");
    const rows = await withAppContext(async (ctx) => {
      const all: string[][] = [];
      let cursor: string | undefined;
      // Page by page, as the service serves them: the command never asks the database for an unbounded list.
      do {
        const page = await listUsers(ctx, { cursor, limit: Math.min(100, max - all.length), q });
        for (const u of page.items) {
          all.push([u.email, u.displayName, u.language, u.isInstanceAdmin ? "yes" : "", u.createdAt.slice(0, 10)]);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < max);
      return all;
    });
    if (rows.length === 0) {
      console.log(q ? `No account matches "${q}".` : "No account yet: create one with `trame setup` or `trame user create`.");
      return;
    }
    console.log(formatTable(["EMAIL", "NAME", "LANG", "ADMIN", "CREATED"], rows));
  },
};
