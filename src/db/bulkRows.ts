import { canCopy, COPY_ROWS, copyRows } from "./copyRows";
import type { SqlSession } from "./database";

/** A column of a bulk statement: its name and the SQL type its JSON value is read as. */
export interface Column {
  name: string;
  type: string;
}

// Rows travel as one JSON text per chunk, read by json_to_recordset: json, not jsonb, since jsonb first
// builds its binary form of the whole chunk; measured on the seed's 168,000 facts on PostgreSQL, about
// 3.0-3.4 s against 4.0 s (no difference on PGlite).

/** Rows per statement: large enough to amortize a round trip, small enough to keep each parameter modest. */
const CHUNK = 2000;

function recordset(columns: readonly Column[]): string {
  return columns.map((c) => `"${c.name}" ${c.type}`).join(", ");
}

function names(columns: readonly Column[], prefix = ""): string {
  return columns.map((c) => `${prefix}"${c.name}"`).join(", ");
}

/**
 * Issues one statement per chunk of `size` rows, all at once, before anything is awaited: a connection
 * runs them in the order issued (node-postgres queues them; PGlite's query lock is first come, first
 * served), so a caller that goes on without waiting (QueuedWrites) has every later statement run after them.
 */
async function inChunks<Row, Out>(rows: readonly Row[], work: (chunk: readonly Row[]) => Promise<Out[]>, size = CHUNK): Promise<Out[]> {
  const issued: Promise<Out[]>[] = [];
  for (let i = 0; i < rows.length; i += size) issued.push(work(rows.slice(i, i + size)));
  return (await Promise.all(issued)).flat();
}

/**
 * Inserts `rows` into `table`, each row an object keyed by column name. `onConflict` is the statement's
 * ON CONFLICT clause ("" for none). Returns the `returning` column of the rows actually inserted (with
 * DO NOTHING, the new ones only). A plain insert goes by COPY where the session has it (PGlite, see
 * copyRows.ts); otherwise one statement per chunk.
 */
export async function insertRows(
  tx: SqlSession,
  table: string,
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
  options: { onConflict?: string; returning?: string } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  if (!options.onConflict && !options.returning && canCopy(tx, columns)) {
    return inChunks(
      rows,
      async (chunk) => {
        await copyRows(tx, table, columns, chunk);
        return [];
      },
      COPY_ROWS,
    );
  }
  return inChunks(rows, async (chunk) => {
    const sql =
      `INSERT INTO "${table}" (${names(columns)}) SELECT ${names(columns, "v.")} ` +
      `FROM json_to_recordset($1::json) AS v(${recordset(columns)}) ${options.onConflict ?? ""}` +
      (options.returning ? ` RETURNING "${options.returning}" AS key` : "");
    const result = await tx.query<{ key: string }>(sql, [JSON.stringify(chunk)]);
    return options.returning ? result.map((r) => String(r.key)) : [];
  });
}

/**
 * Updates rows of `table` matched on the `key` columns, setting every other column given, plus any
 * `extraSet` SQL ("version" = t."version" + 1).
 */
export async function updateRows(
  tx: SqlSession,
  table: string,
  key: readonly Column[],
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
  extraSet: string[] = [],
): Promise<void> {
  if (rows.length === 0) return;
  const set = [...columns.map((c) => `"${c.name}" = v."${c.name}"`), ...extraSet].join(", ");
  const match = key.map((c) => `t."${c.name}" = v."${c.name}"`).join(" AND ");
  await inChunks(rows, async (chunk) => {
    await tx.query(
      `UPDATE "${table}" AS t SET ${set} FROM json_to_recordset($1::json) AS v(${recordset([...key, ...columns])}) WHERE ${match}`,
      [JSON.stringify(chunk)],
    );
    return [];
  });
}

/** Deletes rows of `table` whose `key` columns match one of `rows`. */
export async function deleteRows(tx: SqlSession, table: string, key: readonly Column[], rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const match = key.map((c) => `t."${c.name}" = v."${c.name}"`).join(" AND ");
  await inChunks(rows, async (chunk) => {
    await tx.query(`DELETE FROM "${table}" AS t USING json_to_recordset($1::json) AS v(${recordset(key)}) WHERE ${match}`, [JSON.stringify(chunk)]);
    return [];
  });
}
