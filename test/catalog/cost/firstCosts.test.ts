import { mulberry32 } from "../../../bench/growth/determinism";
import { costPlanOf, quickCost, workloadVector } from "../../../src/catalog/cost/costPlan";
import { firstCosts, type QuotedOffering } from "../../../src/catalog/cost/firstCosts";
import { priceOffering, type OfferingCost } from "../../../src/catalog/cost/priceOffering";
import { mainCurrency, rankCosts } from "../../../src/catalog/cost/rankCosts";
import { normalizeWorkload, type Workload } from "../../../src/catalog/cost/workload";
import type { OfferingView, PriceView } from "../../../src/catalog/views";
import { price } from "./priceFixtures";

function offering(id: string, modelId: string): OfferingView {
  return { id, modelId, providerId: id.split("/")[0] } as OfferingView;
}

/**
 * Amounts chosen to collide: a few base prices, some a last-decimal step apart (1e-12), some equal in
 * another spelling, so that floating-point totals tie or invert where the exact ones do not.
 */
function amount(next: () => number): string {
  const bases = ["0.4", "0.1", "2.5", "0.000000025", "1.000000000001", "0.999999999999", "15", "0", "0.4000000000001", "3", "123456789.123456789011", "123456789.123456789012", "0.000000001", "0.3", "0.1000000000003"];
  return bases[Math.floor(next() * bases.length)];
}

function catalog(seed: number): { offerings: OfferingView[]; pricesOf: Map<string, PriceView[]> } {
  const next = mulberry32(seed);
  const offerings: OfferingView[] = [];
  const pricesOf = new Map<string, PriceView[]>();
  for (let i = 0; i < 150; i++) {
    const o = offering(`p${i % 7}/o${i}`, `m${Math.floor(next() * 40)}`);
    offerings.push(o);
    const currency = next() < 0.15 ? (next() < 0.5 ? "EUR" : "CNY") : "USD";
    const prices: PriceView[] = [];
    if (next() < 0.9) prices.push(price(o.id, "INPUT", amount(next), { currency }));
    if (next() < 0.85) prices.push(price(o.id, "OUTPUT", amount(next), { currency }));
    if (next() < 0.3) prices.push(price(o.id, "CACHED_INPUT", amount(next), { currency }));
    if (next() < 0.2) prices.push(price(o.id, "INPUT", amount(next), { currency, contextAbove: 200_000 }));
    if (next() < 0.1) prices.push(price(o.id, "REQUEST", amount(next), { currency, unit: "PER_REQUEST" }));
    if (next() < 0.1) prices.push(price(o.id, "WEB_SEARCH", amount(next), { currency: next() < 0.5 ? currency : "EUR", unit: "PER_1K_REQUESTS" }));
    if (next() < 0.1) prices.push(price(o.id, "INPUT", amount(next), { currency, mode: "BATCH" }));
    pricesOf.set(o.id, prices);
  }
  return { offerings, pricesOf };
}

/** What the estimate did before: every offering priced exactly, ranked, each model's cheapest kept, cut. */
function everyOfferingExactly(offerings: OfferingView[], pricesOf: Map<string, PriceView[]>, workload: Workload, count: number, cheapestPerModel: boolean): OfferingCost[] {
  const modelOf = new Map(offerings.map((o) => [o.id, o.modelId]));
  const costs = offerings.flatMap((o) => priceOffering(o.id, workload, pricesOf.get(o.id)!) ?? []);
  let ranked = rankCosts(costs, (a, b) => (modelOf.get(a.offeringId)! < modelOf.get(b.offeringId)! ? -1 : modelOf.get(a.offeringId)! > modelOf.get(b.offeringId)! ? 1 : 0));
  if (cheapestPerModel) {
    const seen = new Set<string>();
    ranked = ranked.filter((c) => !seen.has(modelOf.get(c.offeringId)!) && seen.add(modelOf.get(c.offeringId)!) !== undefined);
  }
  return ranked.slice(0, count);
}

function quoted(offerings: OfferingView[], pricesOf: Map<string, PriceView[]>, workload: Workload): QuotedOffering[] {
  return offerings.flatMap((o) => {
    const prices = pricesOf.get(o.id)!;
    const plan = costPlanOf(o.id, workload.mode, prices);
    return plan ? [{ offering: o, prices, quick: quickCost(plan, workloadVector(workload)) }] : [];
  });
}

const WORKLOADS: Partial<Workload>[] = [
  { inputTokens: 200_000, outputTokens: 20_000 },
  { inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 3 },
  { inputTokens: 999_999_999_999_999, outputTokens: 1 },
  { inputTokens: 3, webSearches: 7, requests: 2 },
  { inputTokens: 500_000, requests: 1 },
  { inputTokens: 10, mode: "BATCH" },
];

describe("firstCosts: ranking by floating-point quotes, pricing the page exactly", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("gives the page exact pricing of every offering gives, same order and amounts, whatever the quotes' order (seed %i)", (seed) => {
    const { offerings, pricesOf } = catalog(seed);
    for (const input of WORKLOADS) {
      const workload = normalizeWorkload(input);
      const quotes = quoted(offerings, pricesOf, workload);
      const main = mainCurrency(quotes.map((q) => q.quick.currency));
      for (const count of [1, 5, 20, 200]) {
        for (const cheapestPerModel of [false, true]) {
          const expected = everyOfferingExactly(offerings, pricesOf, workload, count, cheapestPerModel);
          const page = firstCosts(quotes, count, cheapestPerModel, main, workload);
          expect(page.map((e) => e.cost)).toEqual(expected);
          expect(page.every((e) => e.offering.id === e.cost.offeringId)).toBe(true);
          // The estimate hands the quotes over in no particular order.
          expect(firstCosts([...quotes].reverse(), count, cheapestPerModel, main, workload).map((e) => e.cost)).toEqual(expected);
        }
      }
    }
  });

  it("ranks 0.1 + 0.2 (exactly 0.3, 0.30000000000000004 in floating point) with 0.3 as the tie it is, broken by model id", () => {
    const offerings = [offering("p/a", "m-a"), offering("p/b", "m-b")];
    const pricesOf = new Map([
      ["p/a", [price("p/a", "INPUT", "0.1"), price("p/a", "OUTPUT", "0.2")]],
      ["p/b", [price("p/b", "INPUT", "0.3"), price("p/b", "OUTPUT", "0")]],
    ]);
    const workload = normalizeWorkload({ inputTokens: 1_000_000, outputTokens: 1_000_000 });
    const quotes = quoted(offerings, pricesOf, workload);
    expect(quotes[0].quick.total).toBeGreaterThan(quotes[1].quick.total);
    expect(firstCosts(quotes, 1, false, "USD", workload).map((e) => [e.cost.offeringId, e.cost.total])).toEqual([["p/a", "0.3"]]);
  });

  it("keeps a model's cheapest by exact decimals when floating point ranks another of its offerings first (0.1 + 0.2 against 0.3)", () => {
    const offerings = [offering("p/a", "m"), offering("p/b", "m"), offering("p/c", "n")];
    const pricesOf = new Map([
      ["p/a", [price("p/a", "INPUT", "0.1"), price("p/a", "OUTPUT", "0.2")]],
      ["p/b", [price("p/b", "INPUT", "0.3"), price("p/b", "OUTPUT", "0")]],
      ["p/c", [price("p/c", "INPUT", "1"), price("p/c", "OUTPUT", "1")]],
    ]);
    const workload = normalizeWorkload({ inputTokens: 1_000_000, outputTokens: 1_000_000 });
    const quotes = quoted(offerings, pricesOf, workload);
    // p/b looks cheaper in floating point; exactly, the two tie and p/a's id comes first.
    expect(quotes[1].quick.total).toBeLessThan(quotes[0].quick.total);
    const page = firstCosts(quotes, 2, true, "USD", workload).map((e) => [e.cost.offeringId, e.cost.total]);
    expect(page).toEqual([
      ["p/a", "0.3"],
      ["p/c", "2"],
    ]);
    expect(page).toEqual(everyOfferingExactly(offerings, pricesOf, workload, 2, true).map((c) => [c.offeringId, c.total]));
  });

  it("quotes the same currency, completeness and tier as priceOffering, with the total inside its error bound", () => {
    const { offerings, pricesOf } = catalog(42);
    for (const input of WORKLOADS) {
      const workload = normalizeWorkload(input);
      for (const o of offerings) {
        const exact = priceOffering(o.id, workload, pricesOf.get(o.id)!);
        const plan = costPlanOf(o.id, workload.mode, pricesOf.get(o.id)!);
        expect(plan === undefined).toBe(exact === undefined);
        if (!exact || !plan) continue;
        const quick = quickCost(plan, workloadVector(workload));
        expect({ currency: quick.currency, complete: quick.complete }).toEqual({ currency: exact.currency, complete: exact.complete });
        expect(Math.abs(quick.total - Number(exact.total))).toBeLessThanOrEqual(quick.error);
      }
    }
  });
});
