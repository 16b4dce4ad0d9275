import type { PriceKind, PriceUnit, PriceView } from "../views";
import { ExactDecimal } from "./exactDecimal";
import { promptTokensPerRequest, type Workload } from "./workload";
import { quantityOf, WORKLOAD_PARTS, type WorkloadPart } from "./workloadParts";

export interface CostLine {
  /** The price kind actually used (INPUT for cached tokens billed at the INPUT price). */
  kind: PriceKind;
  /** Exact decimal: tokens, images, searches or requests. */
  quantity: string;
  unit: PriceUnit;
  /** The row used, so a user can check the arithmetic. */
  price: PriceView;
  /** Exact decimal, the line's cost. */
  amount: string;
  /** Why the line is not billed as one would expect, e.g. "no REASONING price: billed as output". */
  note?: string;
}

export interface OfferingCost {
  offeringId: string;
  currency: string;
  /** Exact decimal, the sum of the lines, never rounded (a display layer may round). */
  total: string;
  /** The contextAbove of the tier used (0 = base tier). */
  tierAbove: number;
  lines: CostLine[];
  /** Workload parts with a non-zero quantity that this offering has no price for: the total leaves them out. */
  missing: PriceKind[];
  /** missing.length === 0 */
  complete: boolean;
}

/** Each price's amount parsed once: read-model prices are immutable and priced over and over. */
const amounts = new WeakMap<PriceView, ExactDecimal>();
function amountOf(price: PriceView): ExactDecimal {
  let amount = amounts.get(price);
  if (!amount) amounts.set(price, (amount = new ExactDecimal(price.amount)));
  return amount;
}

/** Units a token workload can be priced in; per-second and per-minute prices are ignored. */
const DERIVABLE_UNITS: ReadonlySet<PriceUnit> = new Set(["PER_1M_TOKENS", "PER_IMAGE", "PER_REQUEST", "PER_1K_REQUESTS"]);

/**
 * Prices a workload at one offering.
 *
 * - Only prices of `offeringId` in `workload.mode` count; with none, the offering does not offer the mode and
 *   the result is undefined.
 * - One currency per estimate: the currency of the offering's INPUT price (its lowest tier), else the most
 *   common one (ties: alphabetical). A part priced only in another currency is listed as missing, never
 *   converted and never billed at a fallback kind.
 * - Tier (whole-request rule): the largest `contextAbove` strictly below the prompt size of one request
 *   (`promptTokensPerRequest`), 0 when none. A kind without a price at that tier takes its highest lower
 *   tier, with a note.
 * - Units: PER_1M_TOKENS is quantity × amount / 1,000,000; PER_IMAGE and PER_REQUEST quantity × amount;
 *   PER_1K_REQUESTS quantity / 1000 × amount; PER_SECOND and PER_MINUTE prices are ignored.
 * - Kinds follow `WORKLOAD_PARTS`: cache reads and writes fall back to INPUT, reasoning to OUTPUT (with a note);
 *   audio, images and web searches have no fallback; a REQUEST line appears only when the offering has a
 *   REQUEST price. A zero quantity gives no line and is never missing.
 * - Amounts are exact decimals and the total is never rounded.
 */
export function priceOffering(offeringId: string, workload: Workload, prices: PriceView[]): OfferingCost | undefined {
  const basis = billingBasis(offeringId, workload.mode, prices);
  if (!basis) return undefined;
  const { currency, inCurrency, inOtherCurrencies } = basis;
  const tierAbove = chooseTier(inCurrency, promptTokensPerRequest(workload));

  const lines: CostLine[] = [];
  const missing: PriceKind[] = [];
  for (const part of WORKLOAD_PARTS) {
    const quantity = quantityOf(workload, part);
    if (quantity === 0) continue;
    const billed = partPrice(part, inCurrency, inOtherCurrencies, tierAbove);
    if (billed) lines.push(costLine(billed.price, quantity, tierAbove, billed.note));
    else if (partMissing(part, inOtherCurrencies, tierAbove)) missing.push(part.kind);
  }

  const total = lines.reduce((sum, line) => sum.plus(line.amount), new ExactDecimal(0));
  return { offeringId, currency, total: total.toString(), tierAbove, lines, missing, complete: missing.length === 0 };
}

/** The prices an estimate in `mode` bills from: its currency, the billable prices in it and in other currencies. */
export interface BillingBasis {
  currency: string;
  inCurrency: PriceView[];
  inOtherCurrencies: PriceView[];
}

/** What priceOffering bills from, before any count is known; undefined when the offering has no price in the mode. */
export function billingBasis(offeringId: string, mode: Workload["mode"], prices: readonly PriceView[]): BillingBasis | undefined {
  const inMode = prices.filter((p) => p.offeringId === offeringId && p.mode === mode);
  if (inMode.length === 0) return undefined;
  const currency = estimateCurrency(inMode);
  const billable = inMode.filter((p) => DERIVABLE_UNITS.has(p.unit));
  return { currency, inCurrency: billable.filter((p) => p.currency === currency), inOtherCurrencies: billable.filter((p) => p.currency !== currency) };
}

/** The price that bills a part at a tier (and the note when it is a fallback kind's), or undefined. */
export function partPrice(part: WorkloadPart, inCurrency: PriceView[], inOtherCurrencies: PriceView[], tierAbove: number): { price: PriceView; note?: string } | undefined {
  const own = pricedAt(inCurrency, part.kind, part.units, tierAbove);
  if (own) return { price: own };
  // The provider does price this part, in a currency we do not mix in: a gap, not a reason to guess.
  if (pricedAt(inOtherCurrencies, part.kind, part.units, tierAbove)) return undefined;
  if (!part.fallback) return undefined;
  const instead = pricedAt(inCurrency, part.fallback.kind, part.units, tierAbove);
  return instead ? { price: instead, note: part.fallback.note } : undefined;
}

/** Whether a part with a non-zero count and no billing price leaves the estimate incomplete. */
export function partMissing(part: WorkloadPart, inOtherCurrencies: PriceView[], tierAbove: number): boolean {
  return !part.optional || pricedAt(inOtherCurrencies, part.kind, part.units, tierAbove) !== undefined;
}

function costLine(price: PriceView, quantity: number, tierAbove: number, kindNote?: string): CostLine {
  const notes = [kindNote, tierNote(price, tierAbove)].filter((n): n is string => n !== undefined);
  const line: CostLine = {
    kind: price.kind,
    quantity: new ExactDecimal(quantity).toString(),
    unit: price.unit,
    price,
    amount: lineAmount(quantity, price).toString(),
  };
  if (notes.length > 0) line.note = notes.join("; ");
  return line;
}

/** What one unit of a count costs at a price, as the divisor lineAmount applies: 1,000,000 per token, 1,000 per request of a PER_1K price, else 1. */
export function unitDivisor(unit: PriceUnit): number {
  switch (unit) {
    case "PER_1M_TOKENS":
      return 1_000_000;
    case "PER_1K_REQUESTS":
      return 1000;
    case "PER_IMAGE":
    case "PER_REQUEST":
      return 1;
    default:
      throw new Error(`priceOffering: a ${unit} price cannot bill a workload count`);
  }
}

function lineAmount(quantity: number, price: PriceView) {
  const amount = amountOf(price).times(quantity);
  const divisor = unitDivisor(price.unit);
  return divisor === 1 ? amount : amount.div(divisor);
}

function tierNote(price: PriceView, tierAbove: number): string | undefined {
  if (price.contextAbove === tierAbove) return undefined;
  const used = price.contextAbove === 0 ? "the base-tier price" : `the price for prompts above ${price.contextAbove} tokens`;
  return `no ${price.kind} price for prompts above ${tierAbove} tokens: billed at ${used}`;
}

/**
 * The price of `kind` in one of `units` at the highest tier not above `tierAbove`; within that tier the unit
 * listed first wins, then the latest `validFrom`, then the smallest id, so the choice never depends on order.
 */
function pricedAt(prices: PriceView[], kind: PriceKind, units: readonly PriceUnit[], tierAbove: number): PriceView | undefined {
  const candidates = prices.filter((p) => p.kind === kind && units.includes(p.unit) && p.contextAbove <= tierAbove);
  candidates.sort(
    (a, b) =>
      b.contextAbove - a.contextAbove ||
      units.indexOf(a.unit) - units.indexOf(b.unit) ||
      b.validFrom.getTime() - a.validFrom.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return candidates[0];
}

/** Whole-request rule: the largest tier threshold the prompt of one request exceeds; 0 when it exceeds none. */
function chooseTier(prices: PriceView[], promptTokens: number): number {
  return prices.reduce((tier, p) => (p.contextAbove < promptTokens && p.contextAbove > tier ? p.contextAbove : tier), 0);
}

function estimateCurrency(prices: PriceView[]): string {
  const input = prices.filter((p) => p.kind === "INPUT").sort((a, b) => a.contextAbove - b.contextAbove)[0];
  if (input) return input.currency;
  const counts = new Map<string, number>();
  for (const p of prices) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
  return [...counts].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))[0][0];
}
