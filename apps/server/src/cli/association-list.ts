import { formatTable, helpOption, optionalString, type CliCommand } from "./command.js";

export const associationListCommand: CliCommand = {
  path: ["association", "list"],
  summary: "List the associations of the instance, by name.",
  options: {
    search: { type: "string", short: "q", valueName: "TEXT", description: "Only associations whose name contains TEXT." },
    help: helpOption,
  },
  async run(values) {
    const q = optionalString(values, "search");
    const { withAppContext } = await import("./context.js");
    const { listAllAssociations } = await import("../modules/associations/associations.public.js");
    const rows = await withAppContext(async (ctx) => {
      const items: { id: string; name: string; slug: string; parentId: string | null; memberCount: number; createdAt: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await listAllAssociations(ctx, { q, cursor, limit: 100 });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const slugOf = new Map(items.map((a) => [a.id, a.slug]));
      return items.map((a) => [
        a.slug,
        a.name,
        String(a.memberCount),
        a.parentId ? (slugOf.get(a.parentId) ?? a.parentId) : "",
        a.createdAt.slice(0, 10),
      ]);
    });
    if (rows.length === 0) {
      console.log(q ? `No association matches "${q}".` : "No association yet: create one with `trame setup` or `trame association create`.");
      return;
    }
    console.log(formatTable(["SLUG", "NAME", "MEMBERS", "PARENT", "CREATED"], rows));
  },
};
