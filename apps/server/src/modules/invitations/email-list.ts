import { emailSchema } from "@trame/contracts";

export interface ParsedEmailList {
  /** Valid addresses, first spelling kept, in the order they were pasted. */
  emails: string[];
  skipped: Array<{ value: string; reason: "invalid" | "duplicate" }>;
}

/**
 * Reads a pasted list of addresses — separated by commas, semicolons, spaces or new lines, as they come out of a
 * spreadsheet or an address book ("Jeanne Martin <jeanne@example.fr>" keeps the address between the brackets).
 * Duplicates are recognised whatever their case.
 */
export function parseEmailList(text: string): ParsedEmailList {
  const result: ParsedEmailList = { emails: [], skipped: [] };
  const seen = new Set<string>();
  for (const token of tokens(text)) {
    const parsed = emailSchema.safeParse(token);
    if (!parsed.success) {
      result.skipped.push({ value: token, reason: "invalid" });
      continue;
    }
    const key = parsed.data.toLowerCase();
    if (seen.has(key)) {
      result.skipped.push({ value: parsed.data, reason: "duplicate" });
      continue;
    }
    seen.add(key);
    result.emails.push(parsed.data);
  }
  return result;
}

function* tokens(text: string): Generator<string> {
  // Bracketed addresses first, so that the display names around them are not read as invalid addresses. A name
  // starts only after a separator (the lookbehind): otherwise a 100,000-character paste without "<" is scanned from
  // each of its positions, in quadratic time (about a minute of a blocked server).
  const withoutNames = text.replace(/(?<![^,;\n<>])[^,;\n<>]*<([^<>]+)>/g, " $1 ");
  for (const raw of withoutNames.split(/[\s,;]+/)) {
    const token = raw.replace(/^["'(]+|["')]+$/g, "").trim();
    if (token) yield token;
  }
}
