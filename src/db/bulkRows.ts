import { columnText } from "./columnText";
import { canCopy, COPY_ROWS, copyRows } from "./copyRows";
import type { SqlSession } from "./database";

/** A column of a bulk statement: its name and the SQL type its JSON value is read as. */
export interface Column {
  name: string;
  type: string;
}

// Plain inserts go by COPY where the session has it (copyRows.ts); upserts, updates and deletes are
// statements, and so are inserts on a session without COPY.

// Where rows travel as one JSON text per chunk (PGlite's statements, array columns), json_to_recordset
// reads it: json, not jsonb, since jsonb first builds its binary form of the whole chunk; measured on the
// seed's 168,000 facts on PostgreSQL, about 3.0-3.4 s against 4.0 s (no difference on PGlite).

// On PostgreSQL a statement reads its rows out of one array per column instead (unnest): PostgreSQL then
// parses each value once, by its column's type, not a JSON document and then each value out of it.
// Measured on a seed's 168,000 facts, 2,000 rows a statement: backend CPU 720-750 ms against 890-1,300 ms
// (this process spends about 100 ms more writing the arrays). Array columns still go as JSON: unnest
// would flatten a two-dimensional array. The session says which its statements use (statementRows).

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
 * DO NOTHING, the new ones only). A plain insert goes by COPY where the session has it (copyRows.ts);
 * otherwise one statement per chunk.
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
  const source = rowSource(tx, columns);
  const sql =
    `INSERT INTO "${table}" (${names(columns)}) SELECT ${names(columns, "v.")} FROM ${source.from} ${options.onConflict ?? ""}` +
    (options.returning ? ` RETURNING "${options.returning}" AS key` : "");
  return inChunks(rows, async (chunk) => {
    const result = await tx.query<{ key: string }>(sql, source.params(chunk));
    return options.returning ? result.map((r) => String(r.key)) : [];
  });
}

/** Where a statement reads a chunk of rows from, as `v`: column arrays on PostgreSQL, else a JSON recordset. */
function rowSource(tx: SqlSession, columns: readonly Column[]): { from: string; params: (chunk: readonly Record<string, unknown>[]) => unknown[] } {
  if (tx.statementRows === "columnArrays" && columns.every((c) => !c.type.endsWith("[]"))) {
    return { from: `unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")}) AS v(${names(columns)})`, params: (chunk) => columnArrays(columns, chunk) };
  }
  return { from: `json_to_recordset($1::json) AS v(${recordset(columns)})`, params: (chunk) => [JSON.stringify(chunk)] };
}

/**
 * One array literal per column ('{"a","b",NULL}'), each element the value's text (columnText.ts). Written here rather than by node-postgres, which escapes every
 * element with two regular expressions: in a seed that was 0.3 s of this thread, now the busier side.
 */
function columnArrays(columns: readonly Column[], rows: readonly Record<string, unknown>[]): string[] {
  return columns.map(({ name, type }) => {
    const elements = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const text = columnText(rows[i]![name], type);
      elements[i] = text === null ? "NULL" : arrayElement(text);
    }
    return `{${elements.join(",")}}`;
  });
}

/** What an element must be quoted for: empty, spelling NULL, or holding what the array syntax reads (braces, commas, quotes, backslashes, white space). */
const ARRAY_QUOTED = /^$|^null$|[{}",\\\s]/i;
const ARRAY_ESCAPED = /["\\]/;
const ARRAY_ESCAPES = /["\\]/g;

/**
 * An element as the array syntax reads it. Most (ids, keys, numbers) need no quotes and are passed as
 * they are: quoting every element made a new string of each, 360 MB over a seed, sampled.
 */
function arrayElement(text: string): string {
  if (!ARRAY_QUOTED.test(text)) return text;
  return ARRAY_ESCAPED.test(text) ? `"${text.replace(ARRAY_ESCAPES, "\\$&")}"` : `"${text}"`;
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
  const source = rowSource(tx, [...key, ...columns]);
  await inChunks(rows, async (chunk) => {
    await tx.query(`UPDATE "${table}" AS t SET ${set} FROM ${source.from} WHERE ${match}`, source.params(chunk));
    return [];
  });
}

/** Deletes rows of `table` whose `key` columns match one of `rows`. */
export async function deleteRows(tx: SqlSession, table: string, key: readonly Column[], rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const match = key.map((c) => `t."${c.name}" = v."${c.name}"`).join(" AND ");
  const source = rowSource(tx, key);
  await inChunks(rows, async (chunk) => {
    await tx.query(`DELETE FROM "${table}" AS t USING ${source.from} WHERE ${match}`, source.params(chunk));
    return [];
  });
}
