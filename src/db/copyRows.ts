import type { Column } from "./bulkRows";
import { columnText } from "./columnText";
import type { SqlSession } from "./database";

// Plain bulk inserts by COPY on sessions that have it (PGlite; a PostgreSQL transaction, postgresCopy.ts).
// A json_to_recordset statement makes PostgreSQL parse the chunk's JSON and build a record per row
// before inserting; COPY's CSV parser hands the values over directly. On PGlite's thread, the seed's
// critical path (issue 13), the fact inserts took 40 % of the statement time; on PostgreSQL the backend
// spent a third of the CPU of unnest statements (postgresCopy.ts has the figures).

/** The column types whose values COPY reads from the text written here, as json_to_recordset read them. */
const SCALAR_TYPES = new Set(["text", "integer", "bigint", "numeric", "boolean", "jsonb", "timestamp", "date"]);

/** A quoted enum type ("EntityType") also reads from its label. Arrays would need COPY's own array syntax. */
function copyable(column: Column): boolean {
  return SCALAR_TYPES.has(column.type) || /^"[A-Za-z]+"$/.test(column.type);
}

/** Rows per COPY (bulkRows chunks by it): bounds the text built and sent at once (a seed's fact group is up to 100,000 rows). */
export const COPY_ROWS = 20_000;

export function canCopy(session: SqlSession, columns: readonly Column[]): boolean {
  return session.copyFrom !== undefined && columns.every(copyable);
}

/**
 * One CSV field of the value's text (columnText.ts): NULL is the empty unquoted field; everything else is
 * quoted, so an empty string stays one.
 */
function csvField(value: unknown, type: string): string {
  const text = columnText(value, type);
  return text === null ? "" : `"${text.replaceAll('"', '""')}"`;
}

/** Inserts `rows` with one COPY (bulkRows issues a COPY per chunk of COPY_ROWS). */
export function copyRows(session: SqlSession, table: string, columns: readonly Column[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const csv = rows.map((row) => columns.map((c) => csvField(row[c.name], c.type)).join(",")).join("\n");
  return session.copyFrom!(table, columns.map((c) => c.name), csv);
}
