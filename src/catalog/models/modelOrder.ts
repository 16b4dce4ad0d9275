import { isOneOf, PRICE_KINDS } from "../../ingest/observation";
import { ValidationError } from "../errors";
import type { SortKey } from "../pagination/keysetPage";
import type { PriceKind } from "../views";
import { defaultUnit } from "./modelFilter";

export type ModelOrderField = "NAME" | "ID" | "RELEASE_DATE" | "CONTEXT_WINDOW" | "MAX_OUTPUT_TOKENS" | "PRICE";

export interface ModelOrder {
  field: ModelOrderField;
  direction?: "ASC" | "DESC" | null;
  /** For PRICE: which kind of price (the cheapest current base-tier standard price over the offerings). */
  priceKind?: PriceKind | null;
}


/**
 * The keyset sort keys for an ordering, always ending with the id so that every row has one place.
 * Unknown values (no release date, no price) sort last in either direction.
 */
export function modelSortKeys(orderBy: ModelOrder[] | null | undefined, providerIds?: string[]): SortKey[] {
  const orders = orderBy && orderBy.length > 0 ? orderBy : [{ field: "NAME" as const }];
  if (orders.length > 4) throw new ValidationError("orderBy takes at most 4 orderings", "orderBy");
  const keys: SortKey[] = orders.map((order, i) => {
    const direction = order.direction ?? "ASC";
    const last = (asc: string, desc: string) => (direction === "ASC" ? asc : desc);
    switch (order.field) {
      case "NAME":
        return { expr: "lower(m.name)", sqlType: "text", direction };
      case "ID":
        return { expr: "m.id", sqlType: "text", direction };
      case "RELEASE_DATE":
        return { expr: `COALESCE(m."releaseDate", ${last("'9999-12-31'", "'0001-01-01'")}::date)`, sqlType: "date", direction };
      case "CONTEXT_WINDOW":
        return { expr: `COALESCE(m."contextWindow", ${last("2147483647", "-1")})`, sqlType: "integer", direction };
      case "MAX_OUTPUT_TOKENS":
        return { expr: `COALESCE(m."maxOutputTokens", ${last("2147483647", "-1")})`, sqlType: "integer", direction };
      case "PRICE": {
        const kind = order.priceKind;
        if (!kind || !isOneOf(PRICE_KINDS, kind)) throw new ValidationError("orderBy PRICE needs a priceKind (INPUT, OUTPUT, ...)", `orderBy[${i}].priceKind`);
        // The kind and providers are validated enum values and ids quoted here, not user text spliced in.
        const providerCondition = providerIds?.length ? ` AND o."providerId" IN (${providerIds.map((p) => `'${p.replace(/'/g, "''")}'`).join(", ")})` : "";
        const cheapest = `(SELECT min(p.amount) FROM "Offering" o JOIN "Price" p ON p."offeringId" = o.id WHERE o."modelId" = m.id AND p."validTo" IS NULL AND p."contextAbove" = 0 AND p.mode = 'STANDARD' AND p.currency = 'USD' AND p.kind = '${kind}' AND p.unit = '${defaultUnit(kind)}'${providerCondition})`;
        return { expr: `COALESCE(${cheapest}, ${last("1e18", "-1")})`, sqlType: "numeric", direction };
      }
      default:
        throw new ValidationError(`Unknown order field ${String(order.field)}`, `orderBy[${i}].field`);
    }
  });
  if (!orders.some((o) => o.field === "ID")) keys.push({ expr: "m.id", sqlType: "text", direction: "ASC" });
  return keys;
}

/** Names an ordering for its cursors. */
export function orderSignature(orderBy: ModelOrder[] | null | undefined, providerIds?: string[]): string {
  const orders = orderBy && orderBy.length > 0 ? orderBy : [{ field: "NAME" }];
  return `models:${orders.map((o) => [o.field, (o as ModelOrder).direction ?? "ASC", (o as ModelOrder).priceKind ?? ""].join("/")).join(",")}:${(providerIds ?? []).join("+")}`;
}
