import Decimal from "decimal.js";
import { defaultUnit } from "../models/modelFilter";
import type { PriceKind, PriceMode, PriceView } from "../views";

/** The cheapest base-tier price of a kind, mode and currency among `prices` (in its kind's default unit); null if none. */
export function cheapestOf(prices: PriceView[], wanted: { kind: PriceKind; mode: PriceMode; currency: string }): PriceView | null {
  const unit = defaultUnit(wanted.kind);
  let best: PriceView | null = null;
  for (const price of prices) {
    if (price.kind !== wanted.kind || price.mode !== wanted.mode || price.currency !== wanted.currency || price.unit !== unit || price.contextAbove !== 0) continue;
    if (!best || new Decimal(price.amount).lessThan(best.amount) || (new Decimal(price.amount).equals(best.amount) && price.offeringId < best.offeringId)) best = price;
  }
  return best;
}
