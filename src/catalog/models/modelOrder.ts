import { isOneOf, PRICE_KINDS } from "../../ingest/observation";
import { ValidationError } from "../errors";
import type { MemoryOrder, MemorySortKey } from "../pagination/memoryPage";
import { sortableDecimal } from "../pagination/sortableDecimal";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { ModelView, PriceKind } from "../views";
import { inclusionKey, type PriceInclusion } from "../offerings/offeringKind";

export type ModelOrderField = "NAME" | "ID" | "RELEASE_DATE" | "CONTEXT_WINDOW" | "MAX_OUTPUT_TOKENS" | "PRICE";

export interface ModelOrder {
  field: ModelOrderField;
  direction?: "ASC" | "DESC" | null;
  /** For PRICE: which kind of price (the cheapest current base-tier standard price over the offerings). */
  priceKind?: PriceKind | null;
}

export interface ModelOrderContext {
  /** Prices are those of these providers' offerings only. */
  providerIds?: readonly string[] | null;
  /** Whether free and router offerings' prices count for PRICE (neither by default). */
  include?: PriceInclusion | null;
  /** With a search and no ordering asked for, models are ranked by how well they match (null: no match). */
  search?: { text: string; scoreOf(model: ModelView): number | null } | null;
}

export interface ModelOrdering extends MemoryOrder<ModelView> {
  /** Whether the order depends on prices (so a price change re-sorts it). */
  byPrice: boolean;
  /** Whether the order depends on one request's search (so it is never shared). */
  bySearch: boolean;
}

const byId: MemorySortKey<ModelView> = { value: (m) => m.id, type: "text", direction: "ASC" };
const byName = (direction: "ASC" | "DESC"): MemorySortKey<ModelView> => ({ value: (m) => m.name.toLowerCase(), type: "text", direction });

/**
 * The ordering of a model list, always ending with the id so that every model has one place. Unknown
 * values (no release date, no price) sort last in either direction. With a search and no `orderBy`, the
 * best matches come first. Throws a ValidationError naming the ordering at fault.
 */
export function modelOrdering(snapshot: CatalogSnapshot, orderBy: ModelOrder[] | null | undefined, context: ModelOrderContext = {}): ModelOrdering {
  const providers = context.providerIds?.length ? [...context.providerIds] : null;
  const include = context.include ?? null;
  if (orderBy && orderBy.length > 4) throw new ValidationError("orderBy takes at most 4 orderings", "orderBy");
  if ((!orderBy || orderBy.length === 0) && context.search) {
    const { scoreOf } = context.search;
    return {
      // Equal matches: the shorter id first (the canonical name, not a variant of it), as the index ranks them.
      keys: [{ value: scoreOf, type: "number", direction: "DESC" }, { value: (m) => m.id.length, type: "number", direction: "ASC" }, byId],
      signature: `models:RELEVANCE:${context.search.text}`,
      byPrice: false,
      bySearch: true,
    };
  }
  const orders = orderBy && orderBy.length > 0 ? orderBy : [{ field: "NAME" as const }];
  let byPrice = false;
  const keys: MemorySortKey<ModelView>[] = orders.map((order, i) => {
    const direction = order.direction ?? "ASC";
    switch (order.field) {
      case "NAME":
        return byName(direction);
      case "ID":
        return { ...byId, direction };
      case "RELEASE_DATE":
        return { value: (m) => m.releaseDate, type: "text", direction };
      case "CONTEXT_WINDOW":
        return { value: (m) => m.contextWindow, type: "number", direction };
      case "MAX_OUTPUT_TOKENS":
        return { value: (m) => m.maxOutputTokens, type: "number", direction };
      case "PRICE": {
        const kind = order.priceKind;
        if (!kind || !isOneOf(PRICE_KINDS, kind)) throw new ValidationError("orderBy PRICE needs a priceKind (INPUT, OUTPUT, ...)", `orderBy[${i}].priceKind`);
        byPrice = true;
        return {
          value: (m) => {
            const amount = snapshot.cheapestPrice(m.id, { kind, mode: "STANDARD", currency: "USD", providerIds: providers, include })?.amount;
            return amount === undefined ? null : sortableDecimal(amount);
          },
          type: "text",
          direction,
        };
      }
      default:
        throw new ValidationError(`Unknown order field ${String(order.field)}`, `orderBy[${i}].field`);
    }
  });
  if (!orders.some((o) => o.field === "ID")) keys.push(byId);
  const signature = `models:${orders.map((o) => [o.field, o.direction ?? "ASC", o.priceKind ?? ""].join("/")).join(",")}:${(providers ?? []).join("+")}${byPrice ? `:${inclusionKey(include)}` : ""}`;
  return { keys, signature, byPrice, bySearch: false };
}
