import { updateRows, type Column } from "./bulkRows";
import type { SqlSession } from "./database";
import { modelOfTable, schemaColumn, tableColumn, type ScalarField, type SchemaColumn, type TableModel } from "./tableColumns";

// The loader's statements on the decided columns of authors, providers, models and offerings
// (src/catalog/load/applyColumns.ts), inside the load's transaction on its SqlSession, in bulk: one
// statement per 2,000 records for a seed's 7,500 (bulkRows.ts says why not row by row through Prisma).
// Which fields are kept in columns is the loader's choice (catalog/load/entityColumns.ts); how each
// column is stored, read and written follows the schema (tableColumns.ts).

/** A decided column as the loader names it: a field of the table's model, and for a date the column that keeps how exact it is. */
export interface DecidedColumn {
  field: string;
  precisionColumn?: string;
}

function columnOf(model: TableModel, field: string): SchemaColumn {
  return schemaColumn(model, field as ScalarField<typeof model>);
}

/** How a column is read back as comparable text: ISO days for dates, decimals and enums as text. */
function readAs(column: SchemaColumn): string {
  const col = `"${column.column}"`;
  if (column.prismaType === "DateTime" && column.nativeType === "@db.Date") return `to_char(${col}, 'YYYY-MM-DD') AS ${col}`;
  if (column.prismaType === "Decimal" || column.enumName !== null) return `${col}::text AS ${col}`;
  return col;
}

/** The columns of `columns`: each decided column and the precision column beside a date. */
function schemaColumnsOf(table: string, columns: readonly DecidedColumn[]): SchemaColumn[] {
  const model = modelOfTable(table);
  return columns.flatMap((c) => [columnOf(model, c.field), ...(c.precisionColumn ? [columnOf(model, c.precisionColumn)] : [])]);
}

/** The bulk-statement columns: every decided column and the precision column beside a date, typed as the schema declares them. */
function bulkColumns(table: string, columns: readonly DecidedColumn[]): Column[] {
  return schemaColumnsOf(table, columns).map((c) => ({ name: c.column, type: c.sqlType }));
}

/** The decided columns of the records `ids` of `table`, each row with its id. Throws for a field the table's model lacks. */
export function readDecidedColumns(tx: SqlSession, table: string, columns: readonly DecidedColumn[], ids: readonly string[]): Promise<Record<string, unknown>[]> {
  const select = schemaColumnsOf(table, columns).map(readAs).join(", ");
  return tx.query<Record<string, unknown>>(`SELECT id, ${select} FROM "${table}" WHERE id = ANY($1::text[])`, [ids]);
}

/** Writes decided columns (rows keyed by id), each written record one version up. Throws for a field the table's model lacks. */
export async function writeDecidedColumns(tx: SqlSession, table: string, columns: readonly DecidedColumn[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const model = modelOfTable(table);
  await updateRows(tx, table, [tableColumn(model, "id" as ScalarField<typeof model>)], bulkColumns(table, columns), rows, [`"version" = t."version" + 1`, `"updatedAt" = now()`]);
}
