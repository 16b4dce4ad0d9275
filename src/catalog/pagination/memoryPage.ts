import Decimal from "decimal.js";
import { decodeCursor, encodeCursor } from "./cursor";
import { pageInfoOf, type KeysetPage } from "./keysetPage";
import { pageWindow, type PageArgs, type PageWindow } from "./pageArgs";

export type KeyValue = string | number | null;

/** One sort key of an in-memory ordering: its value per item (null sorts last either way), type and direction. */
export interface MemorySortKey<T> {
  value(item: T): KeyValue;
  /** "decimal" values are exact decimal strings, compared as numbers without rounding. */
  type: "text" | "number" | "decimal";
  direction: "ASC" | "DESC";
}

/** An ordering: its keys (the last must make items unique, e.g. an id) and the name its cursors carry. */
export interface MemoryOrder<T> {
  keys: MemorySortKey<T>[];
  signature: string;
}

function compareValues(a: KeyValue, b: KeyValue, key: MemorySortKey<unknown>): number {
  if (a === b) return 0;
  // Unknown values sort last in either direction, as in the SQL orderings they replace.
  if (a === null) return 1;
  if (b === null) return -1;
  let order: number;
  if (key.type === "decimal") order = new Decimal(a).comparedTo(b);
  else order = a < b ? -1 : a > b ? 1 : 0;
  return key.direction === "ASC" ? order : -order;
}

function compareTuples<T>(a: KeyValue[], b: KeyValue[], keys: MemorySortKey<T>[]): number {
  for (let i = 0; i < keys.length; i++) {
    const order = compareValues(a[i], b[i], keys[i] as MemorySortKey<unknown>);
    if (order !== 0) return order;
  }
  return 0;
}

/** Sorts items by an ordering (a new array); each item's key values are computed once. */
export function sortByOrder<T>(items: readonly T[], order: MemoryOrder<T>): T[] {
  const decorated = items.map((item) => ({ item, values: order.keys.map((k) => k.value(item)) }));
  decorated.sort((a, b) => compareTuples(a.values, b.values, order.keys));
  return decorated.map((d) => d.item);
}

/** The index of the first item whose keys are greater than `values` (strictly, or equal too when `inclusive`). */
function firstAfter<T>(sorted: readonly T[], values: KeyValue[], order: MemoryOrder<T>, inclusive: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order_ = compareTuples(
      order.keys.map((k) => k.value(sorted[mid])),
      values,
      order.keys,
    );
    if (order_ > 0 || (inclusive && order_ === 0)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Where in `sorted` the window's cursors put it: from after `after` up to before `before` (binary search). */
function cursorRange<T>(sorted: readonly T[], order: MemoryOrder<T>, window: PageWindow): { start: number; end: number } {
  const start = window.after ? firstAfter(sorted, cursorValues(window.after, order, "after"), order, false) : 0;
  const end = window.before ? Math.max(start, firstAfter(sorted, cursorValues(window.before, order, "before"), order, true)) : sorted.length;
  return { start, end };
}

function cursorValues<T>(cursor: string, order: MemoryOrder<T>, argument: string): KeyValue[] {
  return decodeCursor(cursor, order.signature, order.keys.length, argument) as KeyValue[];
}

/**
 * One page of `sorted` (already filtered and in `order`): the items after `after` / before `before`,
 * `first` forwards or `last` backwards, with cursors and the total count. A cursor is found by binary
 * search, so a page costs its size plus a logarithm of the list. Cursors and page info behave as the SQL
 * keyset pages they replace: a cursor of another ordering is refused, naming the argument.
 */
export function memoryPage<T>(sorted: readonly T[], order: MemoryOrder<T>, args: PageArgs, maxSize?: number): KeysetPage<T> {
  const window = pageWindow(args, maxSize);
  const { start, end } = cursorRange(sorted, order, window);
  const backward = window.direction === "backward";
  let from: number;
  let to: number;
  let more: boolean;
  if (backward) {
    from = Math.max(start, end - window.size);
    to = end;
    more = from > start;
  } else {
    from = start;
    to = Math.min(end, start + window.size);
    more = to < end;
  }
  return pageOf(sorted.slice(from, to), order, window, more, sorted.length);
}

/** A page's edges with their cursors, and its page info. */
function pageOf<T>(nodes: T[], order: MemoryOrder<T>, window: PageWindow, more: boolean, totalCount: number): KeysetPage<T> {
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(order.signature, order.keys.map((k) => k.value(node))) }));
  return { edges, pageInfo: pageInfoOf(edges, window, more), totalCount };
}

/**
 * A page of the items of `sorted` (the whole list, in `order`) that `matches` accepts, without building
 * the filtered list: the cursor's place is found by binary search in the whole list, then the walk stops
 * as soon as the page (and one more match, to know whether there is a next page) is found. A page costs
 * its size divided by the share of items that match, plus a logarithm; `totalCount` is given by the
 * caller, who can count the matches from an index more cheaply than by walking.
 */
export function memoryPageWhere<T>(sorted: readonly T[], order: MemoryOrder<T>, args: PageArgs, matches: (item: T) => boolean, totalCount: number, maxSize?: number): KeysetPage<T> {
  const window = pageWindow(args, maxSize);
  const { start, end } = cursorRange(sorted, order, window);
  const backward = window.direction === "backward";
  const page: T[] = [];
  let more = false;
  if (backward) {
    for (let i = end - 1; i >= start; i--) {
      if (!matches(sorted[i])) continue;
      if (page.length === window.size) {
        more = true;
        break;
      }
      page.push(sorted[i]);
    }
    page.reverse();
  } else {
    for (let i = start; i < end; i++) {
      if (!matches(sorted[i])) continue;
      if (page.length === window.size) {
        more = true;
        break;
      }
      page.push(sorted[i]);
    }
  }
  return pageOf(page, order, window, more, totalCount);
}
