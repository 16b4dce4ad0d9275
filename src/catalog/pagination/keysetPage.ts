import type { SqlSession } from "../../db/database";
import { decodeCursor, encodeCursor } from "./cursor";
import { pageWindow, type PageArgs, type PageWindow } from "./pageArgs";

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
  /** Names the ordering, so that a cursor of one ordering is refused by another. */
  signature: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface KeysetPage<Row> {
  edges: { node: Row; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Reads one page of a keyset-paginated query: the rows after `after` / before `before` in the ordering,
 * `first` forwards or `last` backwards, plus the total count under the same filter. Two round trips.
 */
export async function keysetPage<Row>(sql: SqlSession, query: KeysetQuery, args: PageArgs, maxSize?: number): Promise<KeysetPage<Row>> {
  const window = pageWindow(args, maxSize);
  const params = [...query.params];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = [...query.where];
  const boundary = (cursor: string, argument: string, after: boolean) => {
    const values = decodeCursor(cursor, query.signature, query.keys.length, argument);
    const alternatives = query.keys.map((key, i) => {
      const equal = query.keys.slice(0, i).map((k, j) => `${k.expr} = ${bind(values[j])}::${k.sqlType}`);
      const ascending = key.direction === "ASC";
      const op = ascending === after ? ">" : "<";
      return [...equal, `${key.expr} ${op} ${bind(values[i])}::${key.sqlType}`].join(" AND ");
    });
    conditions.push(`(${alternatives.map((a) => `(${a})`).join(" OR ")})`);
  };
  if (window.after) boundary(window.after, "after", true);
  if (window.before) boundary(window.before, "before", false);

  const backward = window.direction === "backward";
  const order = query.keys.map((k) => `${k.expr} ${(k.direction === "ASC") !== backward ? "ASC" : "DESC"}`).join(", ");
  // Dates and timestamps travel as text, so that no driver's time-zone handling can shift a cursor.
  const keyColumns = query.keys.map((k, i) => `${k.expr}${k.sqlType === "date" || k.sqlType === "timestamp" ? "::text" : ""} AS "_k${i}"`).join(", ");
  const whereSql = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const countWhere = query.where.length ? `WHERE ${query.where.join(" AND ")}` : "";

  const [rows, count] = await Promise.all([
    window.size === 0
      ? Promise.resolve([] as Record<string, unknown>[])
      : sql.query<Record<string, unknown>>(`SELECT ${query.select}, ${keyColumns} ${query.from} ${whereSql} ORDER BY ${order} LIMIT ${window.size + 1}`, params),
    sql.query<{ count: string | number }>(`SELECT count(*) AS count ${query.from} ${countWhere}`, query.params),
  ]);
  const more = rows.length > window.size;
  const page = rows.slice(0, window.size);
  if (backward) page.reverse();
  const edges = page.map((row) => {
    const values = query.keys.map((k, i) => cursorValue(row[`_k${i}`], k.sqlType));
    for (let i = 0; i < query.keys.length; i++) delete row[`_k${i}`];
    return { node: row as Row, cursor: encodeCursor(query.signature, values) };
  });
  return { edges, pageInfo: pageInfoOf(edges, window, more), totalCount: Number(count[0]?.count ?? 0) };
}

/**
 * A page's info from its edges: read forwards, there is a next page when more items followed and a
 * previous one when it started after a cursor; read backwards, the other way round. Shared by the SQL
 * and the in-memory pages, so that both answer alike.
 */
export function pageInfoOf(edges: readonly { cursor: string }[], window: PageWindow, more: boolean): PageInfo {
  const backward = window.direction === "backward";
  return {
    hasNextPage: backward ? Boolean(window.before) : more,
    hasPreviousPage: backward ? more : Boolean(window.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}

function cursorValue(value: unknown, type: SortKey["sqlType"]): string | number {
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === "number") return value;
  return String(value);
}
