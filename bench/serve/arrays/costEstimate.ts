// estimateCost over the arrays: price a workload on every offering of the selected models (current prices
// in the workload's mode, one currency per offering, the long-context tier the prompt reaches), then rank
// complete estimates first, the main currency first, cheapest first, ties by model and offering id.
import { byText, Exact, type CatalogArrays } from "./catalogArrays";
import type { OfferingRow, PriceRow } from "./catalogFile";
import { filterModels, type ModelFilterArgs } from "./modelList";

type Exact = InstanceType<typeof Exact>;

interface Part {
  quantity: string;
  kind: string;
  units: string[];
  fallback?: { kind: string; note: string };
  optional?: boolean;
}

const TOKENS = ["PER_1M_TOKENS"];
/** How each count of a workload is billed, in the order an estimate lists its lines. */
const PARTS: Part[] = [
  { quantity: "inputTokens", kind: "INPUT", units: TOKENS },
  { quantity: "outputTokens", kind: "OUTPUT", units: TOKENS },
  { quantity: "cachedInputTokens", kind: "CACHED_INPUT", units: TOKENS, fallback: { kind: "INPUT", note: "no CACHED_INPUT price: billed at the INPUT price" } },
  { quantity: "cacheWriteTokens", kind: "CACHE_WRITE", units: TOKENS, fallback: { kind: "INPUT", note: "no CACHE_WRITE price: billed at the INPUT price" } },
  { quantity: "reasoningTokens", kind: "REASONING", units: TOKENS, fallback: { kind: "OUTPUT", note: "no REASONING price: billed as output" } },
  { quantity: "inputAudioTokens", kind: "INPUT_AUDIO", units: TOKENS },
  { quantity: "outputAudioTokens", kind: "OUTPUT_AUDIO", units: TOKENS },
  { quantity: "inputImages", kind: "INPUT_IMAGE", units: ["PER_IMAGE"] },
  { quantity: "outputImages", kind: "OUTPUT_IMAGE", units: ["PER_IMAGE"] },
  { quantity: "webSearches", kind: "WEB_SEARCH", units: ["PER_1K_REQUESTS", "PER_REQUEST"] },
  { quantity: "requests", kind: "REQUEST", units: ["PER_REQUEST", "PER_1K_REQUESTS"], optional: true },
];
const DERIVABLE = new Set(["PER_1M_TOKENS", "PER_IMAGE", "PER_REQUEST", "PER_1K_REQUESTS"]);
/** String.prototype.localeCompare's order (the API's tie-break by model id), without building a collator per call. */
const byLocale = new Intl.Collator().compare;

export type WorkloadArgs = Record<string, number | string | null | undefined>;

interface Cost {
  offering: OfferingRow;
  currency: string;
  total: Exact;
  tierAbove: number;
  lines: { kind: string; quantity: string; unit: string; price: PriceRow; amount: string; note: string | null }[];
  missing: string[];
  complete: boolean;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, na], [b, nb]) => nb - na || byText(a, b))[0][0];
}

/** The price of `kind` in one of `units` at the highest tier not above `tier`: first unit listed, latest, smallest id. */
function pricedAt(prices: PriceRow[], kind: string, units: string[], tier: number): PriceRow | undefined {
  return prices
    .filter((p) => p.kind === kind && units.includes(p.unit) && p.contextAbove <= tier)
    .sort((a, b) => b.contextAbove - a.contextAbove || units.indexOf(a.unit) - units.indexOf(b.unit) || byText(b.validFrom, a.validFrom) || byText(a.id, b.id))[0];
}

function priceOffering(offering: OfferingRow, counts: Record<string, number>, mode: string, promptTokens: number, prices: PriceRow[]): Cost | undefined {
  const inMode = prices.filter((p) => p.mode === mode);
  if (inMode.length === 0) return undefined;
  const input = inMode.filter((p) => p.kind === "INPUT").sort((a, b) => a.contextAbove - b.contextAbove)[0];
  const currency = input ? input.currency : mostCommon(inMode.map((p) => p.currency));
  const billable = inMode.filter((p) => DERIVABLE.has(p.unit));
  const own = billable.filter((p) => p.currency === currency);
  const other = billable.filter((p) => p.currency !== currency);
  const tierAbove = own.reduce((tier, p) => (p.contextAbove < promptTokens && p.contextAbove > tier ? p.contextAbove : tier), 0);
  const lines: Cost["lines"] = [];
  const missing: string[] = [];
  for (const part of PARTS) {
    const quantity = counts[part.quantity];
    if (quantity === 0) continue;
    let price = pricedAt(own, part.kind, part.units, tierAbove);
    let note: string | undefined;
    if (!price && !pricedAt(other, part.kind, part.units, tierAbove) && part.fallback) {
      price = pricedAt(own, part.fallback.kind, part.units, tierAbove);
      note = part.fallback.note;
    }
    if (!price) {
      if (!part.optional || pricedAt(other, part.kind, part.units, tierAbove)) missing.push(part.kind);
      continue;
    }
    const amount = new Exact(price.amount).times(quantity);
    const lineAmount = price.unit === "PER_1M_TOKENS" ? amount.div(1_000_000) : price.unit === "PER_1K_REQUESTS" ? amount.div(1000) : amount;
    const tierNote = price.contextAbove === tierAbove ? undefined : `no ${price.kind} price for prompts above ${tierAbove} tokens: billed at ${price.contextAbove === 0 ? "the base-tier price" : `the price for prompts above ${price.contextAbove} tokens`}`;
    const notes = [note, tierNote].filter(Boolean);
    lines.push({ kind: price.kind, quantity: String(quantity), unit: price.unit, price, amount: lineAmount.toString(), note: notes.length > 0 ? notes.join("; ") : null });
  }
  const total = lines.reduce((sum, line) => sum.plus(line.amount), new Exact(0));
  return { offering, currency, total, tierAbove, lines, missing, complete: missing.length === 0 };
}

/** estimateCost(workload, filter, first, cheapestPerModel) over the arrays. */
export function estimateCost(
  catalog: CatalogArrays,
  args: { workload: WorkloadArgs; filter?: ModelFilterArgs | null; providerId?: string | null; at?: unknown; first?: number | null; cheapestPerModel?: boolean | null },
) {
  if (args.at != null || args.providerId != null) throw new Error("at and providerId are not implemented by this contender");
  const w = args.workload;
  const counts: Record<string, number> = {};
  for (const part of PARTS) counts[part.quantity] = Number(w[part.quantity] ?? (part.quantity === "requests" ? 1 : 0));
  if (PARTS.every((p) => p.quantity === "requests" || counts[p.quantity] === 0)) throw new Error("The workload has nothing to price");
  const mode = String(w.mode ?? "STANDARD");
  const promptTokens =
    w.promptTokensPerRequest != null ? Number(w.promptTokensPerRequest) : Math.ceil((counts.inputTokens + counts.cachedInputTokens + counts.cacheWriteTokens) / Math.max(1, counts.requests));
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 200) throw new Error(`first must be a whole number from 1 to 200, got ${first}`);

  const costs = filterModels(catalog, args.filter).flatMap((m) => catalog.comparedOfferingsOf(m.id).flatMap((o) => priceOffering(o, counts, mode, promptTokens, catalog.currentPrices(o.id)) ?? []));
  const main = costs.length > 0 ? mostCommon(costs.map((c) => c.currency)) : undefined;
  const currencyRank = (c: Cost) => (c.currency === main ? "" : c.currency);
  let ranked = costs.sort(
    (a, b) =>
      Number(b.complete) - Number(a.complete) ||
      byText(currencyRank(a), currencyRank(b)) ||
      a.total.comparedTo(b.total) ||
      byLocale(a.offering.modelId, b.offering.modelId) ||
      byText(a.offering.id, b.offering.id),
  );
  if (args.cheapestPerModel) {
    const seen = new Set<string>();
    ranked = ranked.filter((c) => !seen.has(c.offering.modelId) && seen.add(c.offering.modelId));
  }
  return {
    totalCount: ranked.length,
    estimates: ranked.slice(0, first).map((c) => ({ ...c, total: c.total.toString(), model: catalog.modelsById.get(c.offering.modelId) })),
  };
}
