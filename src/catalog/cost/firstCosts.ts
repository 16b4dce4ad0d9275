import type { OfferingView, PriceView } from "../views";
import type { QuickCost } from "./costPlan";
import { priceOffering, type OfferingCost } from "./priceOffering";
import { rankCosts } from "./rankCosts";
import type { Workload } from "./workload";

/** An offering that can price the workload, with its floating-point estimate. */
export interface QuotedOffering {
  offering: OfferingView;
  prices: readonly PriceView[];
  quick: QuickCost;
}

/**
 * The first `count` estimates in rankCosts' order (with `cheapestPerModel`, each model's cheapest only),
 * priced exactly, without pricing every quote exactly.
 *
 * The quotes are ranked by their floating-point totals, whose error each quote bounds: the count-th best
 * (of each model's best, with `cheapestPerModel`) is the boundary B; every quote that could be as cheap
 * as one ranked up to B (its total minus its error at most B's total plus the largest error up to B, in
 * B's group of completeness and currency) is priced exactly and ranked by rankCosts. A quote left out
 * costs more, exactly, than each of the count (or more) quotes up to B, so it can be neither among the
 * first `count` nor the cheapest of a model among them: the answer is the one ranking every quote gives.
 * With `cheapestPerModel`, a quote is priced only if it could also be its model's cheapest (its total
 * minus its error at most its model's best total plus that one's error, in the same group).
 */
export function firstCosts(quotes: readonly QuotedOffering[], count: number, cheapestPerModel: boolean, main: string | undefined, workload: Workload): { offering: OfferingView; cost: OfferingCost }[] {
  // rankCosts' groups: complete before incomplete, then the main currency, then the others by name.
  const compareGroups = (a: QuotedOffering, b: QuotedOffering) =>
    Number(b.quick.complete) - Number(a.quick.complete) || compareStrings(a.quick.currency === main ? "" : a.quick.currency, b.quick.currency === main ? "" : b.quick.currency);
  const compareQuick = (a: QuotedOffering, b: QuotedOffering) => compareGroups(a, b) || a.quick.total - b.quick.total;
  let ranked = quotes;
  const best = new Map<string, QuotedOffering>();
  if (cheapestPerModel) {
    for (const q of quotes) {
      const kept = best.get(q.offering.modelId);
      if (!kept || compareQuick(q, kept) < 0) best.set(q.offering.modelId, q);
    }
    ranked = [...best.values()];
  }
  let priced = quotes;
  if (ranked.length > count) {
    const boundary = kthSmallest(ranked, count, compareQuick);
    let error = 0;
    for (const q of quotes) if (compareQuick(q, boundary) <= 0 && q.quick.error > error) error = q.quick.error;
    const ceiling = boundary.quick.total + error;
    priced = quotes.filter((q) => {
      const order = compareGroups(q, boundary);
      return order < 0 || (order === 0 && q.quick.total - q.quick.error <= ceiling);
    });
  }
  if (cheapestPerModel) {
    // Only a model's cheapest is listed: a quote that costs more, exactly, than its model's best quote can
    // cost is not its cheapest, and is not priced.
    priced = priced.filter((q) => {
      const kept = best.get(q.offering.modelId)!;
      return compareGroups(q, kept) === 0 && q.quick.total - q.quick.error <= kept.quick.total + kept.quick.error;
    });
  }
  const offeringOf = new Map(priced.map((q) => [q.offering.id, q.offering]));
  const modelOf = (cost: OfferingCost) => offeringOf.get(cost.offeringId)!.modelId;
  const costs = priced.map((q) => priceOffering(q.offering.id, workload, q.prices as PriceView[])!);
  let exact = rankCosts(costs, (a, b) => compareStrings(modelOf(a), modelOf(b)), main);
  if (cheapestPerModel) {
    const seen = new Set<string>();
    exact = exact.filter((c) => {
      const modelId = modelOf(c);
      if (seen.has(modelId)) return false;
      seen.add(modelId);
      return true;
    });
  }
  return exact.slice(0, count).map((cost) => ({ offering: offeringOf.get(cost.offeringId)!, cost }));
}

/** The k-th smallest item (1-based, k ≤ items.length), keeping a max-heap of the k smallest seen: n log k. */
function kthSmallest<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T {
  const heap: T[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i], heap[parent]) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && compare(heap[left], heap[largest]) > 0) largest = left;
      if (right < heap.length && compare(heap[right], heap[largest]) > 0) largest = right;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest], heap[i]];
      i = largest;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap[0];
}

/** Code-unit order, as every other list of the catalog. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
