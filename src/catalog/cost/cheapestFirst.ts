// Quotes only the offerings that can reach an estimate's page, a threshold algorithm over models: each
// matching model gets a lower bound on every one of its offerings' totals from its least unit cost per
// workload part (modelCostBounds.ts); models are taken from a heap in that bound's order and their
// offerings quoted, until the next model's bound is above what `first` quoted offerings (or models' best
// offerings) cost at most. At 100 times the catalog, "gpt-4o" selects 3,000 models with 11,500
// offerings, and the page comes from the first few dozen models.
//
// Why per model and not lists of offerings sorted per part across the catalog: the filter is a search,
// unrelated to price, that keeps 1.4% of the models; walking catalog-wide sorted lists would pass every
// cheaper offering of the 98.6% before reaching an expensive match like gpt-4o. The bounds are
// gathered over the matching models only, which the totalCount and the main currency need anyway.
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { PriceInclusion } from "../offerings/offeringKind";
import { quickCost, type WorkloadVector } from "./costPlan";
import type { QuotedOffering } from "./firstCosts";
import { MIXED_CURRENCIES, modelCostBounds } from "./modelCostBounds";
import { planOf } from "./offeringQuotes";
import { mainCurrencyOfCounts } from "./rankCosts";
import { WORKLOAD_PARTS } from "./workloadParts";
import type { Workload } from "./workload";

const PARTS = WORKLOAD_PARTS.length;
/** As quickCost's: far above the rounding of the few operations a bound takes. */
const RELATIVE_ERROR = 1e-12;

export interface CheapestQuotes {
  /** Every included offering of the models that can reach the page: a superset of the page's. */
  quotes: QuotedOffering[];
  /** The most common currency over every included offering of every matching model (rankCosts' main). */
  main: string | undefined;
  /** How many included offerings of the matching models can price the workload (models, with cheapestPerModel). */
  totalCount: number;
}

/**
 * The quotes firstCosts needs to give the same page as quoting every included offering of `models`
 * (now, every provider): each offering left out costs more, exactly, than each of `first` quoted ones
 * (with `cheapestPerModel`, than the best offerings of `first` quoted models), or is in a later group of
 * rankCosts' (complete first, then the main currency, then the others by name), so it is on no page.
 * Every offering of a quoted model is quoted, so a model's cheapest is its own.
 */
export function cheapestQuotes(
  snapshot: CatalogSnapshot,
  /** The matching models' ordinals (places in `snapshot.models`). */
  models: Int32Array,
  workload: Workload,
  vector: WorkloadVector,
  first: number,
  cheapestPerModel: boolean,
  include: PriceInclusion,
): CheapestQuotes {
  const bounds = modelCostBounds(snapshot, workload.mode, include);
  const { counts, currencyOf, leastUnitCosts, mixedCurrencies } = bounds;
  // The parts with a count, once: most workloads have two or three of eleven.
  const parts: number[] = [];
  for (let part = 0; part < PARTS; part++) if (vector.quantities[part] !== 0) parts.push(part);
  const slots = new Int32Array(models.length);
  const lower = new Float64Array(models.length);
  /** Offerings per currency id. */
  const perCurrency: number[] = [];
  let candidates = 0;
  let offerings = 0;
  for (let m = 0; m < models.length; m++) {
    const slot = bounds.slotOf(models[m]);
    const count = counts[slot];
    if (count === 0) continue;
    offerings += count;
    const currency = currencyOf[slot];
    if (currency === MIXED_CURRENCIES) for (const [id, n] of mixedCurrencies.get(slot)!) perCurrency[id] = (perCurrency[id] ?? 0) + n;
    else perCurrency[currency] = (perCurrency[currency] ?? 0) + count;
    let bound = 0;
    let magnitude = 0;
    const base = slot * PARTS;
    for (const part of parts) {
      const term = vector.quantities[part] * leastUnitCosts[base + part];
      bound += term;
      magnitude += Math.abs(term);
    }
    slots[candidates] = slot;
    // Below the exact least total by more than the rounding of the products and sums above.
    lower[candidates] = bound - magnitude * RELATIVE_ERROR - Number.MIN_VALUE;
    candidates += 1;
  }
  const main = mainCurrencyOfCounts(new Map(perCurrency.flatMap((n, id) => (n > 0 ? [[bounds.currencies[id], n] as [string, number]] : []))));
  const totalCount = cheapestPerModel ? candidates : offerings;

  // rankCosts' groups as numbers: the main currency first, the others by name; incomplete after all complete.
  const currencyRank = new Int32Array(bounds.currencies.length);
  const byName = bounds.currencies.map((name, id) => ({ name, id })).sort((a, b) => (a.name === main ? -1 : b.name === main ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  byName.forEach(({ id }, rank) => (currencyRank[id] = rank));
  const incomplete = bounds.currencies.length;
  // A model's best group: complete (a bound cannot tell), in the best-ranked currency it prices in.
  const group = new Int32Array(candidates);
  for (let i = 0; i < candidates; i++) {
    const currency = currencyOf[slots[i]];
    group[i] = currency === MIXED_CURRENCIES ? Math.min(...[...mixedCurrencies.get(slots[i])!.keys()].map((id) => currencyRank[id])) : currencyRank[currency];
  }

  const heap = new ModelHeap(group, lower, candidates);
  const page = new WorstOfBest(first);
  const quotes: QuotedOffering[] = [];
  let largestError = 0;
  for (let i = heap.pop(); i >= 0; i = heap.pop()) {
    if (page.full()) {
      // Every model still in the heap has a bound at least this one's: once this one cannot reach the
      // page, none can. Twice the largest error keeps the ceiling above what any of the page's quotes
      // costs exactly, the sum's own rounding included.
      if (group[i] > page.worstGroup() || (group[i] === page.worstGroup() && lower[i] > page.worstTotal() + 2 * largestError)) break;
    }
    let bestGroup = Number.POSITIVE_INFINITY;
    let bestTotal = Number.POSITIVE_INFINITY;
    for (const input of bounds.quotableOf(slots[i])) {
      const quick = quickCost(planOf(input, workload.mode)!, vector);
      quotes.push({ offering: input.offering, prices: input.prices, quick });
      if (quick.error > largestError) largestError = quick.error;
      const quoteGroup = (quick.complete ? 0 : incomplete) + currencyRank[bounds.currencyIdOf(quick.currency)];
      if (cheapestPerModel) {
        if (quoteGroup < bestGroup || (quoteGroup === bestGroup && quick.total < bestTotal)) {
          bestGroup = quoteGroup;
          bestTotal = quick.total;
        }
      } else page.offer(quoteGroup, quick.total);
    }
    if (cheapestPerModel) page.offer(bestGroup, bestTotal);
  }
  return { quotes, main, totalCount };
}

/** A min-heap of candidate models by (group, lower bound), built in linear time. */
class ModelHeap {
  private readonly items: Int32Array;
  private size: number;

  constructor(
    private readonly group: Int32Array,
    private readonly lower: Float64Array,
    count: number,
  ) {
    this.items = new Int32Array(count);
    for (let i = 0; i < count; i++) this.items[i] = i;
    this.size = count;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The candidate with the least bound, removed; -1 when none is left. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.items[0];
    this.size -= 1;
    if (this.size > 0) {
      this.items[0] = this.items[this.size];
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.group[a] < this.group[b] || (this.group[a] === this.group[b] && this.lower[a] < this.lower[b]);
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      let least = left;
      if (left + 1 < this.size && this.less(items[left + 1], items[left])) least = left + 1;
      if (!this.less(items[least], items[i])) return;
      [items[i], items[least]] = [items[least], items[i]];
      i = least;
    }
  }
}

/** Whether (groupA, totalA) ranks after (groupB, totalB). */
function after(groupA: number, totalA: number, groupB: number, totalB: number): boolean {
  return groupA > groupB || (groupA === groupB && totalA > totalB);
}

/** The `count` least (group, total) pairs offered so far, as a max-heap: its root is what the page's last place costs at most. */
class WorstOfBest {
  private readonly groups: Int32Array;
  private readonly totals: Float64Array;
  private size = 0;

  constructor(private readonly count: number) {
    this.groups = new Int32Array(count);
    this.totals = new Float64Array(count);
  }

  full(): boolean {
    return this.size === this.count;
  }

  worstGroup(): number {
    return this.groups[0];
  }

  worstTotal(): number {
    return this.totals[0];
  }

  offer(group: number, total: number): void {
    const { groups, totals } = this;
    if (this.size < this.count) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!after(group, total, groups[parent], totals[parent])) break;
        groups[i] = groups[parent];
        totals[i] = totals[parent];
        i = parent;
      }
      groups[i] = group;
      totals[i] = total;
      return;
    }
    if (!after(groups[0], totals[0], group, total)) return;
    // The worst is replaced: sift the new pair down from the root.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      let larger = left;
      if (left + 1 < this.size && after(groups[left + 1], totals[left + 1], groups[left], totals[left])) larger = left + 1;
      if (!after(groups[larger], totals[larger], group, total)) break;
      groups[i] = groups[larger];
      totals[i] = totals[larger];
      i = larger;
    }
    groups[i] = group;
    totals[i] = total;
  }
}
