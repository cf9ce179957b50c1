import { createAssociationBodySchema, slugSchema } from "@trame/contracts";
import { CliError, helpOption, optionalString, parseWith, requireString, type CliCommand } from "./command.js";

export const associationCreateCommand: CliCommand = {
  path: ["association", "create"],
  summary: "Create an association (optionally a territorial group of a parent association).",
  details:
    "With --owner, that person becomes its owner: an account is created if the address is new (it signs in by\n" +
    "e-mail link) and a welcome e-mail is queued.",
  options: {
    name: { type: "string", valueName: "NAME", description: "Name, e.g. \"Les Amis du Jardin\"." },
    slug: { type: "string", valueName: "SLUG", description: "Address in URLs: lowercase letters, digits, dashes." },
    owner: { type: "string", valueName: "EMAIL", description: "E-mail of its owner." },
    "owner-name": { type: "string", valueName: "NAME", description: "The owner's name, if the account is new." },
    parent: { type: "string", valueName: "SLUG", description: "Slug of the parent association (federation)." },
    language: { type: "string", valueName: "fr|en", description: "Its language (default fr)." },
    help: helpOption,
  },
  async run(values) {
    const parentSlug = optionalString(values, "parent");
    const { consoleOperator, withAppContext } = await import("./context.js");
    const { createAssociation, getAssociationForActor } = await import("../modules/associations/associations.public.js");
    const { AppError } = await import("../platform/http/app-error.js");
    const created = await withAppContext(async (ctx) => {
      let parentId: string | undefined;
      if (parentSlug !== undefined) {
        const slug = parseWith(slugSchema, parentSlug, "--parent");
        try {
          parentId = (await getAssociationForActor(ctx, consoleOperator, { slug })).id;
        } catch (err) {
          if (err instanceof AppError && err.code === "NOT_FOUND") throw new CliError(`No association has the slug "${slug}" (--parent).`);
          throw err;
        }
      }
      const input = parseWith(
        createAssociationBodySchema,
        {
          name: requireString(values, "name"),
          slug: requireString(values, "slug"),
          parentId,
          language: optionalString(values, "language"),
          ownerEmail: optionalString(values, "owner"),
          ownerName: optionalString(values, "owner-name"),
        },
        "association",
        { name: "--name", slug: "--slug", parentId: "--parent", language: "--language", ownerEmail: "--owner", ownerName: "--owner-name" },
      );
      try {
        return await createAssociation(ctx, input, null);
      } catch (err) {
        if (err instanceof AppError && err.code === "CONFLICT" && err.fields?.some((f) => f.path === "slug")) {
          throw new CliError(`The slug "${input.slug}" is already taken by another association.`);
        }
        throw err;
      }
    });
    console.log(`Association created: ${created.name} (slug ${created.slug}, id ${created.id}).`);
    const owner = optionalString(values, "owner");
    if (owner) console.log(`Owner: ${owner} — a welcome e-mail is queued.`);
    else console.log("It has no owner yet: instance administrators can manage it from the web app.");
  },
};
