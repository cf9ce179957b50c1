import { displayNameSchema, emailSchema, languageSchema } from "@trame/contracts";
import { helpOption, optionalString, parseWith, requireString, type CliCommand } from "./command.js";

export const userCreateCommand: CliCommand = {
  path: ["user", "create"],
  summary: "Create an account.",
  details:
    "Without --password the account signs in by e-mail link only (or sets a password through `trame user reset-password`).\n" +
    "Passwords follow the CNIL rule: at least 12 characters mixing lower case, upper case, digits and symbols,\n" +
    "or a long passphrase.",
  options: {
    email: { type: "string", valueName: "EMAIL", description: "E-mail address (unique, case-insensitive)." },
    name: { type: "string", valueName: "NAME", description: "Display name." },
    password: { type: "string", valueName: "PASSWORD", description: "Password (optional)." },
    language: { type: "string", valueName: "fr|en", description: "Language of the interface and e-mails (default fr)." },
    "instance-admin": { type: "boolean", description: "Make the account an instance administrator." },
    help: helpOption,
  },
  async run(values) {
    const email = parseWith(emailSchema, requireString(values, "email"), "--email");
    const displayName = parseWith(displayNameSchema, requireString(values, "name"), "--name");
    const language = parseWith(languageSchema, optionalString(values, "language") ?? "fr", "--language");
    const password = optionalString(values, "password");
    const isInstanceAdmin = values["instance-admin"] === true;
    const { withAppContext } = await import("./context.js");
    const { createUserAccount } = await import("../modules/accounts/accounts.public.js");
    const user = await withAppContext((ctx) => createUserAccount(ctx, { email, displayName, password, language, isInstanceAdmin }));
    console.log(`Account created: ${user.email} (${user.displayName})${user.isInstanceAdmin ? ", instance administrator" : ""}.`);
    if (password === undefined) console.log("It has no password: it signs in by e-mail link.");
  },
};
