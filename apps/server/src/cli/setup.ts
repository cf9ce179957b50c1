import {
  displayNameSchema,
  emailSchema,
  evaluatePassword,
  languageSchema,
  setupBodySchema,
  slugSchema,
} from "@trame/contracts";
import type { ZodType } from "zod";
import { CliError, helpOption, optionalString, parseWith, type CliCommand, type CliValues } from "./command.js";
import { generateStrongPassword } from "./passwords.js";
import { ask, askHidden, isInteractive } from "./prompt.js";

const associationNameSchema = setupBodySchema.shape.association.shape.name;

/** "Les Amis du Jardin" → "les-amis-du-jardin": a suggestion the person may change. */
function suggestSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/**
 * A value from its flag, or asked at the terminal until valid. Without a terminal, a missing flag is an error:
 * a script must say everything.
 */
async function obtain<T>(values: CliValues, flag: string, question: string, schema: ZodType<T>, defaultValue?: string): Promise<T> {
  const given = optionalString(values, flag);
  if (given !== undefined) return parseWith(schema, given, `--${flag}`);
  if (!isInteractive()) throw new CliError(`Missing --${flag} (or run \`trame setup\` in a terminal to be asked).`);
  for (;;) {
    const parsed = schema.safeParse(await ask(question, defaultValue));
    if (parsed.success) return parsed.data;
    console.log(`  ${parsed.error.issues[0]?.message ?? "Invalid value"}.`);
  }
}

async function obtainPassword(values: CliValues): Promise<{ password: string; generated: boolean }> {
  const given = optionalString(values, "password");
  if (given !== undefined) return { password: given, generated: false };
  if (!isInteractive()) return { password: generateStrongPassword(), generated: true };
  for (;;) {
    const password = await askHidden("Administrator's password (12+ characters: lower and upper case, digits, symbols)");
    if (!evaluatePassword(password).acceptable) {
      console.log("  Too weak: use at least 12 characters mixing lower case, upper case, digits and symbols, or a long passphrase.");
      continue;
    }
    if ((await askHidden("Same password again")) === password) return { password, generated: false };
    console.log("  The two passwords differ.");
  }
}

export const setupCommand: CliCommand = {
  path: ["setup"],
  summary: "Set up a new instance: its administrator and its first association.",
  details:
    "The same as the set-up page of the web app on first start. Missing options are asked at the terminal;\n" +
    "in a script, give them all (without --password, a strong password is generated and printed).",
  options: {
    email: { type: "string", valueName: "EMAIL", description: "The instance administrator's e-mail address." },
    name: { type: "string", valueName: "NAME", description: "The administrator's name." },
    password: { type: "string", valueName: "PASSWORD", description: "The administrator's password." },
    language: { type: "string", valueName: "fr|en", description: "Language of the administrator and association (default fr)." },
    "association-name": { type: "string", valueName: "NAME", description: "Name of the first association." },
    "association-slug": { type: "string", valueName: "SLUG", description: "Its address in URLs (default: from the name)." },
    help: helpOption,
  },
  async run(values) {
    const { withAppContext } = await import("./context.js");
    const { isSetupRequired } = await import("../modules/accounts/accounts.public.js");
    const { completeSetup } = await import("../modules/setup/setup.public.js");
    await withAppContext(async (ctx) => {
      if (!(await isSetupRequired(ctx))) {
        throw new CliError("This instance is already set up. Use `trame user create` or `trame association create` to add more.");
      }
      const interactive = isInteractive() && !values.email;
      if (interactive) console.log("Setting up Trame: the instance administrator, then the first association.");
      const language = parseWith(languageSchema, optionalString(values, "language") ?? "fr", "--language");
      const email = await obtain(values, "email", "Administrator's e-mail address", emailSchema);
      const displayName = await obtain(values, "name", "Administrator's name", displayNameSchema);
      const { password, generated } = await obtainPassword(values);
      const associationName = await obtain(values, "association-name", "Name of the first association", associationNameSchema);
      const slugFlag = optionalString(values, "association-slug");
      const slug =
        slugFlag !== undefined || isInteractive()
          ? await obtain(values, "association-slug", "Its address in URLs", slugSchema, suggestSlug(associationName))
          : parseWith(slugSchema, suggestSlug(associationName), "--association-slug (derived from the name)");
      const { user, association } = await completeSetup(ctx, {
        admin: { email, displayName, password, language },
        association: { name: associationName, slug, language, timeZone: "Europe/Paris" },
      });
      console.log(`Instance set up: ${user.displayName} <${user.email}> administers it; first association: ${association.name} (${association.slug}).`);
      if (generated) console.log(`Administrator's password: ${password}`);
      console.log(`Start the server (\`trame serve\` or \`npm start\`) and sign in at ${ctx.config.publicUrl}.`);
    });
  },
};
