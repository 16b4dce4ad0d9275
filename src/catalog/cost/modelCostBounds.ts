// What an estimate needs of a model without quoting its offerings: how many of them can price a workload
// (the estimate's totalCount), in which currencies (its main currency), and per workload part the least
// any of them charges for one unit of it at any tier (a lower bound on each offering's total, whatever
// the workload). At 100 times the catalog a search for "gpt-4o" selects 3,000 models with 11,500
// offerings; with these bounds an estimate quotes only the offerings of the models that can reach its
// page (cheapestFirst.ts).
import { inclusionKey, isIncluded, type PriceInclusion } from "../offerings/offeringKind";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { PriceMode } from "../views";
import { planOf, quoteInputsOf, type OfferingQuoteInput } from "./offeringQuotes";
import { WORKLOAD_PARTS } from "./workloadParts";

const PARTS = WORKLOAD_PARTS.length;
/** currencyOf's value for a model whose offerings price in more than one currency (see mixedCurrencies). */
export const MIXED_CURRENCIES = -1;

/**
 * Per model, for one price mode and inclusion of free and router offerings, gathered the first time an
 * estimate reads the model: a snapshot's prices never change, and a price patch makes a new snapshot,
 * which starts empty. Models get slots in the order they are first read, so the models a frequent
 * filter selects sit together in a small map and small arrays, not spread over the catalog's (looking
 * 3,000 ids up in a map of 210,000 cost more than the rest of the estimate's bounds).
 */
export class ModelCostBounds {
  /** Per model ordinal (its place in the snapshot's models), its slot plus one; 0 until first read. */
  private readonly slots: Int32Array;
  /** How many of the model's included offerings have a price in the mode (priceOffering would price them). */
  readonly counts: number[] = [];
  /** The id (in `currencies`) of the currency they all price in; MIXED_CURRENCIES when they differ. */
  readonly currencyOf: number[] = [];
  /** Per slot of a model whose offerings price in several currencies: how many price in each (by currency id). */
  readonly mixedCurrencies = new Map<number, Map<number, number>>();
  /**
   * At slot × PARTS + part, in WORKLOAD_PARTS order: the least unit cost of the part over the model's
   * included offerings and all their tiers, a part they leave free or cannot bill counting as 0 (an
   * incomplete total leaves it out).
   */
  readonly leastUnitCosts: number[] = [];
  readonly currencies: string[] = [];
  private readonly currencyIds = new Map<string, number>();
  /** Per slot, the included offerings that have a plan in the mode, kept for quoting them. */
  private readonly quotable: (readonly OfferingQuoteInput[])[] = [];

  constructor(
    private readonly snapshot: CatalogSnapshot,
    readonly mode: PriceMode,
    private readonly include: PriceInclusion,
  ) {
    // Found by ordinal, not by id: 3,000 lookups in a map by id were a tenth of an estimate at 100 times the catalog.
    this.slots = new Int32Array(snapshot.models.length);
  }

  /** The slot of the model with this ordinal, its bounds gathered on first use. */
  slotOf(ordinal: number): number {
    const known = this.slots[ordinal];
    return known !== 0 ? known - 1 : this.gather(ordinal);
  }

  /**
   * Gathers the bounds of a model not read before into a new slot. Apart from slotOf because of its
   * closures: a function whose closures capture `this` allocates their context on every call, before any
   * early return, and that was 40 bytes per known model (120 KB, two fifths of what an estimate over
   * "gpt-4o" allocated at 100 times the catalog).
   */
  private gather(ordinal: number): number {
    const slot = this.counts.length;
    const inputs = quoteInputsOf(this.snapshot, this.snapshot.models[ordinal].id).filter((input) => isIncluded(input.kind, this.include) && planOf(input, this.mode) !== undefined);
    const least = new Array<number>(PARTS).fill(inputs.length === 0 ? 0 : Number.POSITIVE_INFINITY);
    const byCurrency = new Map<number, number>();
    for (const input of inputs) {
      const plan = planOf(input, this.mode)!;
      const currency = this.currencyId(plan.currency);
      byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + 1);
      for (const unitCosts of plan.unitCosts) {
        for (let part = 0; part < PARTS; part++) {
          const unitCost = Number.isNaN(unitCosts[part]) ? 0 : unitCosts[part];
          if (unitCost < least[part]) least[part] = unitCost;
        }
      }
    }
    this.leastUnitCosts.push(...least);
    this.counts.push(inputs.length);
    if (byCurrency.size > 1) {
      this.currencyOf.push(MIXED_CURRENCIES);
      this.mixedCurrencies.set(slot, byCurrency);
    } else this.currencyOf.push(byCurrency.size === 1 ? [...byCurrency.keys()][0] : 0);
    this.quotable.push(inputs);
    this.slots[ordinal] = slot + 1;
    return slot;
  }

  /** The model's included offerings that can price the mode. */
  quotableOf(slot: number): readonly OfferingQuoteInput[] {
    return this.quotable[slot];
  }

  /** The id of a currency some filled model prices in. */
  currencyIdOf(currency: string): number {
    return this.currencyIds.get(currency)!;
  }

  private currencyId(currency: string): number {
    let id = this.currencyIds.get(currency);
    if (id === undefined) {
      id = this.currencies.length;
      this.currencies.push(currency);
      this.currencyIds.set(currency, id);
    }
    return id;
  }
}

/** Per snapshot (a price patch makes a new one), per mode and inclusion. */
const boundsBySnapshot = new WeakMap<CatalogSnapshot, Map<string, ModelCostBounds>>();

/** The snapshot's bounds for a mode and inclusion, created empty on first use. */
export function modelCostBounds(snapshot: CatalogSnapshot, mode: PriceMode, include: PriceInclusion): ModelCostBounds {
  let byKey = boundsBySnapshot.get(snapshot);
  if (!byKey) boundsBySnapshot.set(snapshot, (byKey = new Map()));
  const key = `${mode}:${inclusionKey(include)}`;
  let bounds = byKey.get(key);
  if (!bounds) byKey.set(key, (bounds = new ModelCostBounds(snapshot, mode, { includeFree: include.includeFree === true, includeRouters: include.includeRouters === true })));
  return bounds;
}
