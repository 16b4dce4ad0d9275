import { mulberry32 } from "../../../bench/growth/determinism";
import { cheapestQuotes } from "../../../src/catalog/cost/cheapestFirst";
import { CostEstimateService, type EstimateOptions } from "../../../src/catalog/cost/costEstimate.service";
import { workloadVector } from "../../../src/catalog/cost/costPlan";
import { priceOffering, type OfferingCost } from "../../../src/catalog/cost/priceOffering";
import { rankCosts } from "../../../src/catalog/cost/rankCosts";
import { normalizeWorkload, type Workload } from "../../../src/catalog/cost/workload";
import { ModelCatalogService } from "../../../src/catalog/models/modelCatalog.service";
import type { ModelFilter } from "../../../src/catalog/models/modelFilter";
import { isIncluded, type PriceInclusion } from "../../../src/catalog/offerings/offeringKind";
import { emptyCatalogContent, type CatalogContent } from "../../../src/catalog/readModel/catalogContent";
import { CatalogSnapshot } from "../../../src/catalog/readModel/catalogSnapshot";
import type { ModelView, OfferingView, PriceView } from "../../../src/catalog/views";
import { modelView, offeringView, providerView } from "../viewFixtures";
import { price } from "./priceFixtures";

const WORDS = ["alpha", "beta", "gamma", "delta"];
const PROVIDERS = ["p0", "p1", "p2", "p3", "p4", "p5", "p6"];

/** An offering under the provider's own model id (a free tier's ":free", a router's "auto"). */
const offering = (providerId: string, modelId: string, providerModelId: string, name: string | null): OfferingView =>
  offeringView(providerId, modelId, { id: `${providerId}:${providerModelId}`, providerModelId, name });

/**
 * Amounts chosen to collide: a few base prices, equal ones in other spellings, some a last-decimal step
 * apart (1e-12) and some whose floating-point sums differ from their exact ones (0.1 + 0.2), so that
 * totals tie across models and offerings and floating point inverts what exact decimals order.
 */
const AMOUNTS = ["0.4", "0.40", "0.1", "0.2", "0.3", "2.5", "0.000000025", "1.000000000001", "0.999999999999", "15", "0", "0.4000000000001", "3", "123456789.123456789012", "0.1000000000003"];

/** Offerings priced by every rule an estimate has: tiers cheaper or dearer than the base, fallbacks, other currencies, other modes, per-request fees, free and router offerings. */
function catalogContent(seed: number): CatalogContent {
  const next = mulberry32(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const models: ModelView[] = [];
  const offerings: OfferingView[] = [];
  const prices: PriceView[] = [];
  for (let m = 0; m < 60; m++) {
    const id = `m${String(m).padStart(2, "0")}`;
    models.push(modelView(id, { name: `${pick(WORDS)} ${pick(WORDS)} ${m}`, authorId: pick(["acme", "other"]) }));
    const offeringCount = Math.floor(next() * 6);
    for (let o = 0; o < offeringCount; o++) {
      const kind = next();
      const providerModelId = kind < 0.05 ? `${id}:free` : kind < 0.1 ? `router-${o}/auto` : `${id}-${o}`;
      const row = offering(pick(PROVIDERS), id, providerModelId, kind > 0.97 ? "Auto Router" : null);
      if (offerings.some((existing) => existing.id === row.id)) continue;
      offerings.push(row);
      const currency = next() < 0.12 ? pick(["EUR", "CNY"]) : "USD";
      const add = (kindOfPrice: PriceView["kind"], extra: Partial<PriceView> = {}) =>
        prices.push(price(row.id, kindOfPrice, next() < 0.06 ? "0" : pick(AMOUNTS), { currency, ...extra }));
      if (next() < 0.92) add("INPUT");
      if (next() < 0.85) add("OUTPUT");
      if (next() < 0.3) add("CACHED_INPUT");
      if (next() < 0.1) add("REASONING");
      if (next() < 0.25) {
        const tier = pick([128_000, 200_000]);
        add("INPUT", { contextAbove: tier });
        if (next() < 0.6) add("OUTPUT", { contextAbove: tier });
      }
      if (next() < 0.1) add("REQUEST", { unit: pick(["PER_REQUEST", "PER_1K_REQUESTS"] as const) });
      if (next() < 0.1) add("WEB_SEARCH", { unit: "PER_1K_REQUESTS", currency: next() < 0.5 ? currency : "EUR" });
      if (next() < 0.08) add("INPUT_IMAGE", { unit: "PER_IMAGE" });
      if (next() < 0.15) add("INPUT", { mode: "BATCH" });
      if (next() < 0.1) add("OUTPUT", { mode: "BATCH" });
      if (next() < 0.05) add("INPUT", { unit: "PER_SECOND" });
    }
  }
  return {
    ...emptyCatalogContent(),
    authors: ["acme", "other"].map((id) => ({ id, name: id, url: null, description: null, version: 1 })),
    providers: PROVIDERS.map(providerView),
    models,
    offerings,
    prices,
  };
}

interface ExpectedEstimates {
  estimates: { offeringId: string; cost: OfferingCost }[];
  totalCount: number;
}

/** The estimate as it was first written: every included offering of every matching model priced exactly, ranked, each model's cheapest kept, cut. */
function everyOfferingExactly(snapshot: CatalogSnapshot, workload: Workload, filter: ModelFilter | null, include: PriceInclusion, first: number, cheapestPerModel: boolean): ExpectedEstimates {
  const modelOf = new Map<string, string>();
  const costs: OfferingCost[] = [];
  for (const m of new ModelCatalogService().matchingModels(snapshot, filter, include)) {
    for (const o of snapshot.offeringsOfModel(m.id)) {
      if (!isIncluded(snapshot.offeringKind(o.id), include)) continue;
      const cost = priceOffering(o.id, workload, [...snapshot.currentPrices(o.id)]);
      if (!cost) continue;
      costs.push(cost);
      modelOf.set(o.id, m.id);
    }
  }
  const byModel = (a: OfferingCost, b: OfferingCost) => (modelOf.get(a.offeringId)! < modelOf.get(b.offeringId)! ? -1 : modelOf.get(a.offeringId)! > modelOf.get(b.offeringId)! ? 1 : 0);
  let ranked = rankCosts(costs, byModel);
  if (cheapestPerModel) {
    const seen = new Set<string>();
    ranked = ranked.filter((c) => !seen.has(modelOf.get(c.offeringId)!) && seen.add(modelOf.get(c.offeringId)!) !== undefined);
  }
  return { estimates: ranked.slice(0, first).map((cost) => ({ offeringId: cost.offeringId, cost })), totalCount: cheapestPerModel ? new Set(costs.map((c) => modelOf.get(c.offeringId))).size : costs.length };
}

function estimated(snapshot: CatalogSnapshot, workload: Partial<Workload>, options: EstimateOptions): ExpectedEstimates {
  const result = new CostEstimateService(new ModelCatalogService()).estimate(snapshot, workload, options);
  return { estimates: result.estimates.map((e) => ({ offeringId: e.offering.id, cost: e.cost })), totalCount: result.totalCount };
}

const WORKLOADS: Partial<Workload>[] = [
  { inputTokens: 200_000, outputTokens: 20_000 },
  { inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 3 },
  { inputTokens: 999_999_999_999_999, outputTokens: 1 },
  { inputTokens: 3, webSearches: 7, requests: 2 },
  { inputTokens: 500_000, requests: 1 },
  { inputTokens: 100, outputTokens: 100, promptTokensPerRequest: 150_000, reasoningTokens: 9 },
  { outputTokens: 1_000_000, inputImages: 2 },
  { inputTokens: 10, mode: "BATCH" },
  { inputTokens: 1_000_000, outputTokens: 1_000_000, mode: "FAST" },
];

const FILTERS: (ModelFilter | null)[] = [null, { search: "alpha" }, { search: "beta gamma" }, { providerIds: ["p1", "p2"] }, { authorIds: ["acme"] }, { ids: ["m03", "m04", "m05", "m40"] }];

const INCLUSIONS: PriceInclusion[] = [{}, { includeFree: true, includeRouters: true }, { includeRouters: true }];

describe("estimates from the models whose cost bounds can reach the page", () => {
  it.each([1, 2, 3, 4, 5, 6])(
    "give the page and totalCount pricing every offering exactly gives, ties and tiers included, over workloads, filters and inclusions (seed %i)",
    (seed) => {
      const snapshot = CatalogSnapshot.build(catalogContent(seed));
      for (const input of WORKLOADS) {
        const workload = normalizeWorkload(input);
        for (const filter of FILTERS) {
          for (const include of INCLUSIONS) {
            for (const cheapestPerModel of [false, true]) {
              const all = everyOfferingExactly(snapshot, workload, filter, include, 200, cheapestPerModel);
              for (const first of [1, 2, 5, 20, 200]) {
                const expected = { estimates: all.estimates.slice(0, first), totalCount: all.totalCount };
                expect(estimated(snapshot, input, { filter, first, cheapestPerModel, include })).toEqual(expected);
              }
            }
          }
        }
      }
    },
  );

  it("quotes the offerings of only some models when a page needs few of many", () => {
    const snapshot = CatalogSnapshot.build(catalogContent(7));
    const workload = normalizeWorkload({ inputTokens: 200_000, outputTokens: 20_000 });
    const models = Int32Array.from(snapshot.models, (_, ordinal) => ordinal);
    const { quotes, totalCount } = cheapestQuotes(snapshot, models, workload, workloadVector(workload), 3, false, {});
    expect(totalCount).toBe(everyOfferingExactly(snapshot, workload, null, {}, 200, false).totalCount);
    expect(quotes.length).toBeLessThan(totalCount / 2);
  });

  it("answers from a price patch's new prices, not the bounds of the snapshot it patched", () => {
    const content = catalogContent(8);
    const before = CatalogSnapshot.build(content);
    const workload = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    const [cheapest] = estimated(before, workload, { first: 1 }).estimates;
    // The cheapest offering becomes the dearest: its INPUT and OUTPUT prices rise far above every other.
    const raised = content.prices.filter((p) => p.offeringId === cheapest.offeringId).map((p) => (p.kind === "INPUT" || p.kind === "OUTPUT" ? { ...p, amount: "1000000" } : p));
    const after = before.withPrices([cheapest.offeringId], raised);
    const expected = everyOfferingExactly(after, normalizeWorkload(workload), null, {}, 5, false);
    expect(expected.estimates.map((e) => e.offeringId)).not.toContain(cheapest.offeringId);
    expect(estimated(after, workload, { first: 5 })).toEqual(expected);
    expect(estimated(before, workload, { first: 1 }).estimates[0].offeringId).toBe(cheapest.offeringId);
  });

  it("gives the same page through the quoting of every offering, at one provider and as of an instant", () => {
    const snapshot = CatalogSnapshot.build(catalogContent(9));
    const workload = { inputTokens: 200_000, outputTokens: 20_000 };
    const now = estimated(snapshot, workload, { first: 20 });
    expect(estimated(snapshot, workload, { first: 20, at: new Date() })).toEqual(now);
    const atOneProvider = estimated(snapshot, workload, { first: 20, providerId: "p3" });
    expect(atOneProvider.estimates.length).toBeGreaterThan(0);
    expect(atOneProvider.estimates.every((e) => e.offeringId.startsWith("p3:"))).toBe(true);
  });
});
