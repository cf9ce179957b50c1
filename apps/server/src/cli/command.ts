import type { ZodType } from "zod";

/** One option of a command, described once: parseArgs reads it, --help prints it. */
export interface CliOption {
  type: "string" | "boolean";
  short?: string;
  /** Shown in --help after the option name, e.g. `EMAIL`. */
  valueName?: string;
  description: string;
}

export type CliValues = Record<string, string | boolean | undefined>;

/** A leaf command such as `user create`. Each lives in its own file under src/cli/. */
export interface CliCommand {
  /** The words that select it: `["user", "create"]`. */
  path: readonly string[];
  /** One line, shown in `trame --help`. */
  summary: string;
  /** Paragraphs shown in `trame <command> --help`, below the synopsis. */
  details?: string;
  options: Record<string, CliOption>;
  /** Returns the exit code (0 when nothing is returned). */
  run(values: CliValues): Promise<number | void>;
  /** The process keeps running after run() resolves (a server): no exit is forced. */
  longRunning?: boolean;
}

/**
 * A mistake of the person typing the command (wrong flag, taken e-mail, locked data directory…): printed as one
 * line, exit code 1, never a stack trace.
 */
export class CliError extends Error {}

/** Reads a string option, or throws a CliError naming it. */
export function requireString(values: CliValues, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new CliError(`Missing --${name}.`);
  return value;
}

export function optionalString(values: CliValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Validates a value with the same contract schema as the API, so the CLI and the web app accept the same input.
 * `label` names the option; for an object, `fieldOptions` maps its fields to the options they came from.
 */
export function parseWith<T>(schema: ZodType<T>, value: unknown, label: string, fieldOptions: Record<string, string> = {}): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const option = typeof field === "string" ? (fieldOptions[field] ?? `${label} ${field}`) : label;
    throw new CliError(`Invalid ${option}: ${issue?.message ?? "invalid value"}.`);
  }
  return parsed.data;
}

export function formatSynopsis(command: CliCommand): string {
  const flags = Object.entries(command.options)
    .filter(([name]) => name !== "help")
    .map(([name, o]) => (o.type === "string" ? `--${name} ${o.valueName ?? "VALUE"}` : `--${name}`));
  return `trame ${command.path.join(" ")}${flags.length ? ` [${flags.join("] [")}]` : ""}`;
}

export function formatCommandHelp(command: CliCommand): string {
  const lines = [`Usage: ${formatSynopsis(command)}`, "", command.summary];
  if (command.details) lines.push("", command.details);
  const entries = Object.entries(command.options);
  if (entries.length) {
    lines.push("", "Options:");
    const labels = entries.map(([name, o]) => {
      const short = o.short ? `-${o.short}, ` : "    ";
      return `${short}--${name}${o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : ""}`;
    });
    const width = Math.max(...labels.map((l) => l.length)) + 2;
    entries.forEach(([, o], i) => lines.push(`  ${labels[i]!.padEnd(width)}${o.description}`));
  }
  return lines.join("\n");
}

/** Prints rows as aligned columns (the output of the `list` commands). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export const helpOption: CliOption = { type: "boolean", short: "h", description: "Show this help." };
