import type { Column } from "./bulkRows";
import type { SqlSession } from "./database";

// Plain bulk inserts by COPY on sessions that have it (PGlite). A json_to_recordset statement makes
// PostgreSQL parse the chunk's JSON and build a record per row before inserting; COPY's CSV parser hands
// the values over directly. On PGlite's thread, the seed's critical path (issue 13), the fact inserts
// took 40 % of the statement time.

/** The column types whose values COPY reads from the text written here, as json_to_recordset read them. */
const SCALAR_TYPES = new Set(["text", "integer", "bigint", "numeric", "boolean", "jsonb", "timestamp", "date"]);

/** A quoted enum type ("EntityType") also reads from its label. Arrays would need COPY's own array syntax. */
function copyable(column: Column): boolean {
  return SCALAR_TYPES.has(column.type) || /^"[A-Za-z]+"$/.test(column.type);
}

/** Rows per COPY: bounds the text built and sent at once (a seed's fact group is up to 100,000 rows). */
const COPY_ROWS = 20_000;

export function canCopy(session: SqlSession, columns: readonly Column[]): boolean {
  return session.copyFrom !== undefined && columns.every(copyable);
}

/**
 * One CSV field: NULL is the empty unquoted field; everything else is quoted, so an empty string stays
 * one. JSON columns get their value's JSON text, dates their ISO form, as JSON.stringify gave them.
 */
function csvField(value: unknown, type: string): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (type === "jsonb") text = JSON.stringify(value);
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/** Inserts `rows` with COPY, in chunks issued before any is awaited (bulkRows' order contract). */
export async function copyRows(session: SqlSession, table: string, columns: readonly Column[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const names = columns.map((c) => c.name);
  const issued: Promise<void>[] = [];
  for (let start = 0; start < rows.length; start += COPY_ROWS) {
    const lines: string[] = [];
    for (const row of rows.slice(start, start + COPY_ROWS)) lines.push(columns.map((c) => csvField(row[c.name], c.type)).join(","));
    issued.push(session.copyFrom!(table, names, lines.join("\n")));
  }
  await Promise.all(issued);
}
