import { stringify } from "csv-stringify";
import type { AuditEntry, AuditFilter, Language, Page } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { decodeTimestampCursor, toTimestampPage, type TimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { getAssociationWithAbility } from "./association-access.js";
import { listAuditEntries, type AuditRow } from "./association-audit.repository.js";
import { auditCsvHeader, auditCsvRecord } from "./association-audit.csv.js";

/** The audit log, newest first, filtered; each record with its actor, target person and sphere named. */
export async function listAssociationAudit(
  ctx: AppContext,
  actor: Actor,
  associationId: string,
  query: AuditFilter & { cursor?: string; limit: number },
): Promise<Page<AuditEntry>> {
  const access = await getAssociationWithAbility(ctx.db, actor, associationId, "audit.read");
  const rows = await listAuditEntries(ctx.db, associationId, {
    filter: query,
    timeZone: access.association.timeZone,
    after: decodeTimestampCursor(query.cursor),
    limit: query.limit,
  });
  const { rows: items, nextCursor } = toTimestampPage(rows, query.limit);
  return { items: items.map(({ at: _at, ...entry }) => entry), nextCursor };
}

/** Pages read while exporting; the export stops after AUDIT_CSV_MAX_ROWS (narrow the period for more). */
const CSV_BATCH = 500;
export const AUDIT_CSV_MAX_ROWS = 100_000;

/**
 * The filtered audit log as CSV for a spreadsheet: UTF-8 with a byte order mark (so that Excel reads the accents),
 * `;` between fields (the French spreadsheets' separator), headers and action labels in the association's language,
 * dates in its time zone. Streamed page by page along the same keyset as the list: memory stays flat.
 */
export async function exportAssociationAuditCsv(ctx: AppContext, actor: Actor, associationId: string, filter: AuditFilter) {
  const access = await getAssociationWithAbility(ctx.db, actor, associationId, "audit.read");
  const { language, timeZone, slug } = access.association;
  const csv = stringify({ bom: true, delimiter: ";", record_delimiter: "\r\n", quoted_match: /[";\r\n]/ });
  void (async () => {
    try {
      csv.write(auditCsvHeader(language as Language));
      let after: TimestampCursor | null = null;
      for (let written = 0; written < AUDIT_CSV_MAX_ROWS; ) {
        const rows: AuditRow[] = await listAuditEntries(ctx.db, associationId, { filter, timeZone, after, limit: CSV_BATCH });
        const page = rows.slice(0, CSV_BATCH);
        for (const row of page) {
          // Backpressure: wait for the client to read before producing more.
          if (!csv.write(auditCsvRecord(row, language as Language, timeZone))) await new Promise((r) => csv.once("drain", r));
        }
        written += page.length;
        const last = page.at(-1);
        if (rows.length <= CSV_BATCH || !last) break;
        after = { at: last.at, id: last.id };
      }
      csv.end();
    } catch (err) {
      ctx.logger.error({ err, associationId }, "audit export failed");
      csv.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  const day = new Date().toISOString().slice(0, 10);
  return { stream: csv, filename: `journal-${slug}-${day}.csv` };
}
