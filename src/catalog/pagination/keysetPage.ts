import type { KeysetRows, KeysetWindow } from "../../db/keysetQuery";
import { decodeCursor, encodeCursor } from "./cursor";
import { pageWindow, type PageArgs, type PageWindow } from "./pageArgs";

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

/** An ordering a repository reads in: the name its cursors carry and how many sort keys they hold. */
export interface KeysetOrder {
  signature: string;
  keyCount: number;
}

/**
 * One page of a keyset-paginated list read by a repository: the rows after `after` / before `before` in
 * the ordering, `first` forwards or `last` backwards, plus the total count under the same filter. The
 * cursors are checked here (a ValidationError names the argument at fault) and the repository is asked
 * for one row more than the page holds, to learn whether more follow.
 */
export async function keysetPage<Row>(
  args: PageArgs,
  order: KeysetOrder,
  read: (window: KeysetWindow) => Promise<KeysetRows<Row>>,
  maxSize?: number,
): Promise<KeysetPage<Row>> {
  const window = pageWindow(args, maxSize);
  const backward = window.direction === "backward";
  const { rows, totalCount } = await read({
    limit: window.size === 0 ? 0 : window.size + 1,
    backward,
    ...(window.after ? { after: decodeCursor(window.after, order.signature, order.keyCount, "after") } : {}),
    ...(window.before ? { before: decodeCursor(window.before, order.signature, order.keyCount, "before") } : {}),
  });
  const more = rows.length > window.size;
  const page = rows.slice(0, window.size);
  if (backward) page.reverse();
  const edges = page.map((row) => ({ node: row.node, cursor: encodeCursor(order.signature, row.keys) }));
  return { edges, pageInfo: pageInfoOf(edges, window, more), totalCount };
}

/**
 * A page's info from its edges: read forwards, there is a next page when more items followed and a
 * previous one when it started after a cursor; read backwards, the other way round. Shared by the
 * repositories' and the in-memory pages, so that both answer alike.
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
