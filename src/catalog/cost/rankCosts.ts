import Decimal from "decimal.js";
import type { OfferingCost } from "./priceOffering";

/**
 * Orders estimates cheapest first: complete estimates before incomplete ones (an incomplete total leaves
 * costs out, so it only looks cheap); then estimates in the most common currency before others (totals in
 * different currencies are not comparable, so they are grouped, other currencies alphabetically); then
 * total ascending, compared as exact decimals; then `tieBreak`; then offeringId. Returns a new array.
 * `main` is the most common currency; give it when `costs` are only some of the estimates ranked.
 */
export function rankCosts(costs: OfferingCost[], tieBreak?: (a: OfferingCost, b: OfferingCost) => number, main: string | undefined = mainCurrency(costs.map((c) => c.currency))): OfferingCost[] {
  const currencyRank = (c: OfferingCost) => (c.currency === main ? "" : c.currency);
  // Each total parsed once, not once per comparison.
  const totals = new Map(costs.map((c) => [c, new Decimal(c.total)]));
  return [...costs].sort(
    (a, b) =>
      Number(b.complete) - Number(a.complete) ||
      compareStrings(currencyRank(a), currencyRank(b)) ||
      totals.get(a)!.comparedTo(totals.get(b)!) ||
      (tieBreak?.(a, b) ?? 0) ||
      compareStrings(a.offeringId, b.offeringId),
  );
}

/** The most common of the estimates' currencies (ties: alphabetical); undefined for none. */
export function mainCurrency(currencies: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const c of currencies) counts.set(c, (counts.get(c) ?? 0) + 1);
  return mainCurrencyOfCounts(counts);
}

/** mainCurrency from how many estimates each currency has. */
export function mainCurrencyOfCounts(counts: ReadonlyMap<string, number>): string | undefined {
  return [...counts].sort(([a, na], [b, nb]) => nb - na || compareStrings(a, b))[0]?.[0];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
