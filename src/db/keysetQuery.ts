import type { SqlSession } from "./database";

/** A sort-key value as cursors carry it. */
export type KeyValue = string | number;

/** One sort key: a never-null SQL expression (coalesce nulls to a sentinel), its type and direction. */
export interface SortKey {
  expr: string;
  sqlType: "text" | "numeric" | "date" | "integer" | "timestamp";
  direction: "ASC" | "DESC";
}

export interface KeysetQuery {
  /** SELECT list of the row (without the sort keys). */
  select: string;
  /** FROM and JOINs. */
  from: string;
  /** WHERE conditions, ANDed; may use $1..$n of `params`. */
  where: string[];
  params: unknown[];
  /** The ordering; the last key must make rows unique (an id). */
  keys: SortKey[];
}

/**
 * Which rows of an ordering to read: at most `limit`, after and/or before the rows whose sort keys are
 * given, in the ordering's direction or (`backward`) against it.
 */
export interface KeysetWindow {
  limit: number;
  backward: boolean;
  after?: readonly unknown[];
  before?: readonly unknown[];
}

/** Rows of a window with their sort-key values, in the order read, and how many rows the filter holds. */
export interface KeysetRows<Row> {
  rows: { node: Row; keys: KeyValue[] }[];
  totalCount: number;
}

/**
 * Reads a window of a keyset-paginated SQL query, plus the total count under the same filter: two
 * statements. Raw SQL for the orderings Prisma cannot express: a key compared as text (an enum ordered by
 * its name, not its declaration), or the keys of a join.
 */
export async function keysetRows<Row>(sql: SqlSession, query: KeysetQuery, window: KeysetWindow): Promise<KeysetRows<Row>> {
  const params = [...query.params];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = [...query.where];
  const boundary = (values: readonly unknown[], after: boolean) => {
    const alternatives = query.keys.map((key, i) => {
      const equal = query.keys.slice(0, i).map((k, j) => `${k.expr} = ${bind(values[j])}::${k.sqlType}`);
      const op = (key.direction === "ASC") === after ? ">" : "<";
      return [...equal, `${key.expr} ${op} ${bind(values[i])}::${key.sqlType}`].join(" AND ");
    });
    conditions.push(`(${alternatives.map((a) => `(${a})`).join(" OR ")})`);
  };
  if (window.after) boundary(window.after, true);
  if (window.before) boundary(window.before, false);

  const order = query.keys.map((k) => `${k.expr} ${(k.direction === "ASC") !== window.backward ? "ASC" : "DESC"}`).join(", ");
  // Dates and timestamps travel as text, so that no driver's time-zone handling can shift a cursor.
  const keyColumns = query.keys.map((k, i) => `${k.expr}${k.sqlType === "date" || k.sqlType === "timestamp" ? "::text" : ""} AS "_k${i}"`).join(", ");
  const whereSql = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const countWhere = query.where.length ? `WHERE ${query.where.join(" AND ")}` : "";

  const [rows, count] = await Promise.all([
    window.limit === 0
      ? Promise.resolve([] as Record<string, unknown>[])
      : sql.query<Record<string, unknown>>(`SELECT ${query.select}, ${keyColumns} ${query.from} ${whereSql} ORDER BY ${order} LIMIT ${window.limit}`, params),
    sql.query<{ count: string | number }>(`SELECT count(*) AS count ${query.from} ${countWhere}`, query.params),
  ]);
  return {
    rows: rows.map((row) => {
      const keys = query.keys.map((k, i) => keyValue(row[`_k${i}`], k.sqlType));
      for (let i = 0; i < query.keys.length; i++) delete row[`_k${i}`];
      return { node: row as Row, keys };
    }),
    totalCount: Number(count[0]?.count ?? 0),
  };
}

function keyValue(value: unknown, type: SortKey["sqlType"]): KeyValue {
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === "number") return value;
  return String(value);
}
