// What priceOffering decides for one offering in one price mode before any count is known, kept so that an
// estimate over thousands of offerings can rank them with floating-point arithmetic and price only the page
// exactly. The decisions (currency, which price bills each part at each tier, what is missing) are made by
// priceOffering's own functions, so the plan cannot disagree with it; only the arithmetic is approximate.
import type { PriceMode, PriceView } from "../views";
import { billingBasis, partMissing, partPrice, unitDivisor } from "./priceOffering";
import { promptTokensPerRequest, type Workload } from "./workload";
import { quantityOf, WORKLOAD_PARTS } from "./workloadParts";

/** A part that is neither billed nor missing at a tier (an optional part without a price). */
const FREE_PART = 0;
/** A part the offering cannot bill at a tier: the estimate is incomplete when its count is not zero. */
const MISSING_PART = Number.NaN;

export interface CostPlan {
  currency: string;
  /** The tier thresholds chooseTier picks from, ascending (0 is always a choice). */
  tiers: number[];
  /** Per tier (in `tiers` order), per part (in WORKLOAD_PARTS order): the cost of one unit of the part's count, FREE_PART or MISSING_PART. */
  unitCosts: Float64Array[];
}

/** An estimate ranked by floating-point arithmetic: its total is within `error` of the exact one. */
export interface QuickCost {
  currency: string;
  complete: boolean;
  total: number;
  /** A bound on |total - exact total|. */
  error: number;
}

/**
 * The plan of an offering's prices in a mode; undefined when it has no price in the mode (priceOffering
 * would return undefined). Plans are kept per price list: a snapshot's price lists are immutable, so a
 * list is planned once and a price change, which replaces the list, plans the new one.
 */
export function costPlanOf(offeringId: string, mode: PriceMode, prices: readonly PriceView[]): CostPlan | undefined {
  let byMode = plans.get(prices);
  if (!byMode) plans.set(prices, (byMode = new Map()));
  if (byMode.has(mode)) return byMode.get(mode) ?? undefined;
  const plan = buildPlan(offeringId, mode, prices);
  byMode.set(mode, plan ?? null);
  return plan;
}

const plans = new WeakMap<readonly PriceView[], Map<PriceMode, CostPlan | null>>();

function buildPlan(offeringId: string, mode: PriceMode, prices: readonly PriceView[]): CostPlan | undefined {
  const basis = billingBasis(offeringId, mode, prices);
  if (!basis) return undefined;
  const { currency, inCurrency, inOtherCurrencies } = basis;
  // chooseTier returns 0 or a threshold of a price in the currency: the tiers a workload can land on.
  const tiers = [...new Set([0, ...inCurrency.map((p) => p.contextAbove).filter((t) => t > 0)])].sort((a, b) => a - b);
  const unitCosts = tiers.map((tierAbove) =>
    Float64Array.from(WORKLOAD_PARTS, (part) => {
      const billed = partPrice(part, inCurrency, inOtherCurrencies, tierAbove);
      if (billed) return Number(billed.price.amount) / unitDivisor(billed.price.unit);
      return partMissing(part, inOtherCurrencies, tierAbove) ? MISSING_PART : FREE_PART;
    }),
  );
  return { currency, tiers, unitCosts };
}

/** Relative error allowed per term and per addition: far above double precision's 1.1e-16, so the bound is safe. */
const RELATIVE_ERROR = 1e-12;

/** A workload's counts in WORKLOAD_PARTS order and its prompt size per request: what quickCost reads, made once per estimate. */
export interface WorkloadVector {
  quantities: Float64Array;
  promptTokens: number;
}

export function workloadVector(workload: Workload): WorkloadVector {
  return { quantities: Float64Array.from(WORKLOAD_PARTS, (part) => quantityOf(workload, part)), promptTokens: promptTokensPerRequest(workload) };
}

/**
 * A workload's cost under a plan, in floating point: the same tier, lines and missing parts as
 * priceOffering, the total within `error` of its exact total.
 */
export function quickCost(plan: CostPlan, workload: WorkloadVector): QuickCost {
  const tierAbove = chooseTierOf(plan.tiers, workload.promptTokens);
  const unitCosts = plan.unitCosts[plan.tiers.indexOf(tierAbove)];
  const quantities = workload.quantities;
  let total = 0;
  let magnitude = 0;
  let complete = true;
  for (let i = 0; i < quantities.length; i++) {
    const quantity = quantities[i];
    if (quantity === 0) continue;
    const unitCost = unitCosts[i];
    if (Number.isNaN(unitCost)) complete = false;
    else {
      const term = quantity * unitCost;
      total += term;
      magnitude += Math.abs(term);
    }
  }
  return { currency: plan.currency, complete, total, error: magnitude * RELATIVE_ERROR + Number.MIN_VALUE };
}

/** priceOffering's chooseTier over the plan's thresholds: the largest one below the prompt size, else 0. */
function chooseTierOf(tiers: readonly number[], promptTokens: number): number {
  let tier = 0;
  for (const t of tiers) if (t < promptTokens && t > tier) tier = t;
  return tier;
}
