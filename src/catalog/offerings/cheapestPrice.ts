import Decimal from "decimal.js";
import { defaultUnit } from "../models/modelFilter";
import type { PriceKind, PriceMode, PriceView } from "../views";
import type { PriceInclusion } from "./offeringKind";

/** Which price a "from" price is: a kind, mode and currency, over some providers' offerings (all when absent). */
export interface PriceSlotChoice {
  kind: PriceKind;
  mode: PriceMode;
  currency: string;
  providerIds?: readonly string[] | null;
  /** Whether free and router offerings count (offeringKind.ts); neither does by default. */
  include?: PriceInclusion | null;
}

/** The cheapest base-tier price of a kind, mode and currency among `prices` (in its kind's default unit); null if none. */
export function cheapestOf(prices: readonly PriceView[], wanted: PriceSlotChoice): PriceView | null {
  const unit = defaultUnit(wanted.kind);
  let best: PriceView | null = null;
  let bestAmount: Decimal | null = null;
  for (const price of prices) {
    if (price.kind !== wanted.kind || price.mode !== wanted.mode || price.currency !== wanted.currency || price.unit !== unit || price.contextAbove !== 0) continue;
    const amount = new Decimal(price.amount);
    if (!best || amount.lessThan(bestAmount!) || (amount.equals(bestAmount!) && price.offeringId < best.offeringId)) {
      best = price;
      bestAmount = amount;
    }
  }
  return best;
}
