// The `trame` administration command: `trame --help`, `trame <command> --help`. Launched by bin/trame.mjs (npx trame)
// or `npm run trame -- …`. Same configuration as the server (config/env.ts).
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { ConfigError } from "./config/env.js";
import { AppError } from "./platform/http/app-error.js";
import { DataDirLockedError } from "./platform/db/data-dir-lock.js";
import { CliError, formatCommandHelp, type CliCommand, type CliValues } from "./cli/command.js";
import { commands } from "./cli/commands.js";

const VERSION = "0.1.0";

function formatMainHelp(): string {
  const width = Math.max(...commands.map((c) => c.path.join(" ").length)) + 2;
  return [
    "Usage: trame <command> [options]",
    "",
    "Trame — the self-hostable workspace for associations. Administration commands.",
    "The configuration is the server's: TRAME_DATA_DIR, DATABASE_URL… (see docs/OPERATIONS.md).",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.path.join(" ").padEnd(width)}${c.summary}`),
    "",
    "Run `trame <command> --help` for the options of a command.",
  ].join("\n");
}

/** Finds the longest command path that matches the first words of argv. */
function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } | null {
  let best: { command: CliCommand; rest: string[] } | null = null;
  for (const command of commands) {
    const n = command.path.length;
    if (command.path.every((word, i) => argv[i] === word) && (!best || n > best.command.path.length)) {
      best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

/** Words typed before the first option, e.g. `user` or `user frobnicate`. */
function leadingWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith("-")) break;
    words.push(a);
  }
  return words;
}

/** The exit code, or `null` when a long-running command (serve) now owns the process. */
async function main(argv: string[]): Promise<number | null> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    console.log(formatMainHelp());
    return 0;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    console.log(VERSION);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const words = leadingWords(argv);
    const group = commands.filter((c) => c.path[0] === words[0]);
    if (group.length && words.length === 1) {
      // `trame user`: list its subcommands.
      const width = Math.max(...group.map((c) => c.path.join(" ").length)) + 2;
      console.log(
        [
          `Usage: trame ${words[0]} <command> [options]`,
          "",
          ...group.map((c) => `  ${c.path.join(" ").padEnd(width)}${c.summary}`),
          "",
          `Run \`trame ${words[0]} <command> --help\` for its options.`,
        ].join("\n"),
      );
      return argv.includes("--help") || argv.includes("-h") ? 0 : 1;
    }
    throw new CliError(`Unknown command "${words.join(" ") || argv[0]}". Run \`trame --help\` for the list.`);
  }
  const { command, rest } = found;
  let values: CliValues;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: true });
    values = parsed.values as CliValues;
    positionals = parsed.positionals;
  } catch (err) {
    // parseArgs explains the problem (unknown option, missing value) in its first sentence; the rest is advice
    // about `--` that does not apply here.
    const first = (err as Error).message.split(/(?<=\.)\s/)[0] ?? "Invalid options.";
    throw new CliError(`${first} Run \`trame ${command.path.join(" ")} --help\`.`);
  }
  if (values.help) {
    console.log(formatCommandHelp(command));
    return 0;
  }
  if (positionals.length) {
    throw new CliError(`Unexpected argument "${positionals[0]}". Run \`trame ${command.path.join(" ")} --help\`.`);
  }
  const code = (await command.run(values)) ?? 0;
  return command.longRunning && code === 0 ? null : code;
}

/** Turns an error into the one line a person can act on; unexpected errors keep their stack (they are bugs). */
function describeError(err: unknown): { line: string; isBug: boolean } {
  if (err instanceof CliError || err instanceof ConfigError || err instanceof DataDirLockedError) {
    return { line: err.message, isBug: false };
  }
  if (err instanceof AppError) {
    return { line: err.message, isBug: false };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return { line: `Invalid ${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid value"}.`, isBug: false };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "28P01" || code === "3D000") {
    return { line: `Cannot reach the database: ${(err as Error).message}. Check DATABASE_URL.`, isBug: false };
  }
  return { line: err instanceof Error ? (err.stack ?? err.message) : String(err), isBug: true };
}

// An admin command exits as soon as it is done, even if a library left a timer behind; a server keeps running.
try {
  const code = await main(process.argv.slice(2));
  if (code !== null) process.exit(code);
} catch (err) {
  const { line, isBug } = describeError(err);
  console.error(isBug ? `Unexpected error: ${line}` : `Error: ${line}`);
  process.exit(1);
}
