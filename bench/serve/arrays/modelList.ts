// models(filter, orderBy, first, after) over the arrays: filter every model, sort, cut a page. Only the
// conditions the benchmark sends are implemented; any other one is refused rather than ignored.
import Decimal from "decimal.js";
import { byText, type CatalogArrays } from "./catalogArrays";
import type { ModelRow } from "./catalogFile";

export interface ModelFilterArgs {
  capabilities?: string[] | null;
  minContextWindow?: number | null;
  [other: string]: unknown;
}

export interface ModelOrderArgs {
  field: string;
  direction?: string | null;
  priceKind?: string | null;
}

export interface ModelsArgs {
  filter?: ModelFilterArgs | null;
  orderBy?: ModelOrderArgs[] | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const IMPLEMENTED = new Set(["capabilities", "minContextWindow"]);

/** The models a filter selects, in id order. Throws for a condition this contender does not implement. */
export function filterModels(catalog: CatalogArrays, filter: ModelFilterArgs | null | undefined): ModelRow[] {
  if (!filter) return catalog.models;
  const unsupported = Object.keys(filter).filter((key) => filter[key] != null && !IMPLEMENTED.has(key));
  if (unsupported.length > 0) throw new Error(`filter.${unsupported[0]} is not implemented by this contender`);
  const capabilities = [...new Set(filter.capabilities ?? [])];
  const minContext = filter.minContextWindow;
  return catalog.models.filter(
    (m) => (minContext == null || (m.contextWindow !== null && m.contextWindow >= minContext)) && capabilities.every((key) => catalog.supports(m.id, key)),
  );
}

type SortValue = string | number | Decimal | null;

/** Sort keys per ordering; unknown values (null) sort last in either direction; ties by id. */
function sortKey(catalog: CatalogArrays, order: ModelOrderArgs): (m: ModelRow) => SortValue {
  switch (order.field) {
    case "NAME":
      return (m) => m.name.toLowerCase();
    case "ID":
      return (m) => m.id;
    case "RELEASE_DATE":
      return (m) => m.releaseDate;
    case "CONTEXT_WINDOW":
      return (m) => m.contextWindow;
    case "MAX_OUTPUT_TOKENS":
      return (m) => m.maxOutputTokens;
    case "PRICE": {
      if (!order.priceKind) throw new Error("orderBy PRICE needs a priceKind");
      const kind = order.priceKind;
      return (m) => {
        const price = catalog.cheapestPrice(m.id, kind);
        return price ? new Decimal(price.amount) : null;
      };
    }
    default:
      throw new Error(`Unknown order field ${order.field}`);
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a instanceof Decimal && b instanceof Decimal) return a.comparedTo(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return byText(String(a), String(b));
}

/** Sorts (a copy of) the models by the orderings, most significant first, then by id. */
export function sortModels(catalog: CatalogArrays, models: ModelRow[], orderBy: ModelOrderArgs[] | null | undefined): ModelRow[] {
  const orders = orderBy && orderBy.length > 0 ? orderBy : [{ field: "NAME" }];
  const keys = orders.map((order) => ({ key: sortKey(catalog, order), sign: order.direction === "DESC" ? -1 : 1 }));
  const rows = models.map((model) => ({ model, values: keys.map(({ key }) => key(model)) }));
  rows.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const [x, y] = [a.values[i], b.values[i]];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
        continue;
      }
      const order = compareValues(x, y) * keys[i].sign;
      if (order !== 0) return order;
    }
    return byText(a.model.id, b.model.id);
  });
  return rows.map((r) => r.model);
}

const cursorOf = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
const offsetOf = (cursor: string) => {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw new Error("after is not a cursor of this list");
  return Number(match[1]) + 1;
};

/** A Relay connection page of the filtered, sorted models (forward paging only). */
export function modelConnection(catalog: CatalogArrays, args: ModelsArgs) {
  if (args.last != null || args.before != null) throw new Error("last/before are not implemented by this contender");
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new Error(`first must be a whole number from 1 to 100, got ${first}`);
  const all = sortModels(catalog, filterModels(catalog, args.filter), args.orderBy);
  const start = args.after ? offsetOf(args.after) : 0;
  const page = all.slice(start, start + first);
  const edges = page.map((node, i) => ({ cursor: cursorOf(start + i), node }));
  return {
    edges,
    totalCount: all.length,
    pageInfo: {
      hasNextPage: start + first < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
