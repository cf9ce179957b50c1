import { emailSchema } from "@trame/contracts";
import { CliError, helpOption, optionalString, parseWith, requireString, type CliCommand } from "./command.js";
import { generateStrongPassword } from "./passwords.js";

export const userResetPasswordCommand: CliCommand = {
  path: ["user", "reset-password"],
  summary: "Set a new password for an account (and sign it out everywhere).",
  details: "Without --password, a strong password is generated and printed once: pass it on to the person safely.",
  options: {
    email: { type: "string", valueName: "EMAIL", description: "The account's e-mail address." },
    password: { type: "string", valueName: "PASSWORD", description: "The new password (default: generated)." },
    help: helpOption,
  },
  async run(values) {
    const email = parseWith(emailSchema, requireString(values, "email"), "--email");
    const given = optionalString(values, "password");
    const password = given ?? generateStrongPassword();
    const { withAppContext } = await import("./context.js");
    const { resetPasswordByEmail } = await import("../modules/accounts/accounts.public.js");
    const { AppError } = await import("../platform/http/app-error.js");
    const user = await withAppContext(async (ctx) => {
      try {
        return await resetPasswordByEmail(ctx, email, password);
      } catch (err) {
        if (err instanceof AppError && err.code === "NOT_FOUND") throw new CliError(`No account has the address ${email}.`);
        throw err;
      }
    });
    console.log(`New password set for ${user.email}; its sessions were closed.`);
    if (given === undefined) console.log(`Password: ${password}`);
  },
};
