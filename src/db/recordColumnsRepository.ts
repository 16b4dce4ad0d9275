import { updateRows } from "./bulkRows";
import type { SqlSession } from "./database";

// The loader's statements on the decided columns of authors, providers, models and offerings
// (src/catalog/load/applyColumns.ts), inside the load's transaction on its SqlSession, in bulk: one
// statement per 2,000 records for a seed's 7,500 (bulkRows.ts says why not row by row through Prisma).

/** A decided column as the loader describes it: its name, how its value is read back, its SQL type. */
export interface DecidedColumn {
  field: string;
  kind: "text" | "int" | "bool" | "date" | "numeric" | "textArray" | "intArray";
  /** The SQL type a bulk statement reads the value as ("integer", "text[]", "\"LifecycleStatus\""). */
  sqlType: string;
  /** For a date, the column that keeps how exact it is. */
  precisionColumn?: string;
}

/** The SELECT list that reads decided columns back as comparable text: ISO days, decimals and enums as text. */
function selectList(columns: readonly DecidedColumn[]): string {
  return columns
    .flatMap((c) => {
      const col = `"${c.field}"`;
      const read = c.kind === "date" ? `to_char(${col}, 'YYYY-MM-DD') AS ${col}` : c.kind === "numeric" ? `${col}::text AS ${col}` : c.sqlType.startsWith('"') ? `${col}::text AS ${col}` : col;
      return [read, ...(c.precisionColumn ? [`"${c.precisionColumn}"::text AS "${c.precisionColumn}"`] : [])];
    })
    .join(", ");
}

/** The bulk-statement columns: every decided column and the precision column beside a date. */
function bulkColumns(columns: readonly DecidedColumn[]): { name: string; type: string }[] {
  return columns.flatMap((c) => [{ name: c.field, type: c.sqlType }, ...(c.precisionColumn ? [{ name: c.precisionColumn, type: `"DatePrecision"` }] : [])]);
}

/** The decided columns of the records `ids` of `table`, each row with its id. */
export function readDecidedColumns(tx: SqlSession, table: string, columns: readonly DecidedColumn[], ids: readonly string[]): Promise<Record<string, unknown>[]> {
  return tx.query<Record<string, unknown>>(`SELECT id, ${selectList(columns)} FROM "${table}" WHERE id = ANY($1::text[])`, [ids]);
}

/** Writes decided columns (rows keyed by id), each written record one version up. */
export async function writeDecidedColumns(tx: SqlSession, table: string, columns: readonly DecidedColumn[], rows: readonly Record<string, unknown>[]): Promise<void> {
  await updateRows(tx, table, [{ name: "id", type: "text" }], bulkColumns(columns), rows, [`"version" = t."version" + 1`, `"updatedAt" = now()`]);
}
