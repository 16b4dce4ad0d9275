import type { ModelCatalogService } from "../models/modelCatalog.service";
import type { ModelFilter } from "../models/modelFilter";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import { ValidationError } from "../errors";
import type { OfferingView } from "../views";
import { isFreeOffering, isIncluded, isRouterOffering, type PriceInclusion } from "../offerings/offeringKind";
import { normalizeWorkload, type OfferingCost, type Workload } from "./costEstimate";
import { cheapestQuotes } from "./cheapestFirst";
import { costPlanOf, quickCost, workloadVector } from "./costPlan";
import { firstCosts, type QuotedOffering } from "./firstCosts";
import { planOf, quoteInputsOf } from "./offeringQuotes";
import { mainCurrency } from "./rankCosts";

export const MAX_ESTIMATES = 200;
/** More models than this under one filter would make an estimate slow; narrow the filter. */
const MAX_MODELS = 10_000;

export interface EstimateOptions {
  filter?: ModelFilter | null;
  providerId?: string | null;
  /** Price the workload as of this instant (prices then in force); now when not given. */
  at?: Date | null;
  first?: number | null;
  /** Keep only each model's cheapest offering. */
  cheapestPerModel?: boolean | null;
  /** Whether free and router offerings are priced too (offeringKind.ts); neither is by default. */
  include?: PriceInclusion | null;
}

export interface OfferingEstimate {
  offering: OfferingView;
  cost: OfferingCost;
}

export interface CostEstimates {
  estimates: OfferingEstimate[];
  /** How many offerings could price the workload, before `first` cut the list (free and router offerings left out are not counted). */
  totalCount: number;
  workload: Workload;
}

/**
 * Prices a workload on every offering of the models a filter selects, cheapest first. Now and over every
 * provider, only the offerings of the models whose cost bounds can reach the page are quoted
 * (cheapestFirst.ts); as of an instant or at one provider, every offering is. The quotes are ranked by a
 * floating-point estimate with an error bound, and only those that can be on the page are priced exactly
 * (firstCosts.ts): the answer is the one exact pricing of every offering would give.
 */
export class CostEstimateService {
  constructor(private readonly models: ModelCatalogService) {}

  estimate(snapshot: CatalogSnapshot, input: Partial<Workload>, options: EstimateOptions = {}): CostEstimates {
    const workload = normalizeWorkload(input);
    const first = options.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_ESTIMATES) throw new ValidationError(`first must be a whole number from 1 to ${MAX_ESTIMATES}, got ${first}`, "first");
    const include = options.include ?? {};
    // In no particular order: the ranking below is a total order (cost, model id, offering id).
    const models = this.models.matchingOrdinals(snapshot, options.filter, include);
    if (models.length > MAX_MODELS) throw new ValidationError(`The filter selects more than ${MAX_MODELS} models; narrow it`, "filter");
    const at = options.at ?? null;
    const vector = workloadVector(workload);
    const cheapestPerModel = options.cheapestPerModel === true;
    if (!at && !options.providerId) {
      // Now, over every provider: only the models whose bounds can reach the page are quoted (cheapestFirst.ts).
      const { quotes, main, totalCount } = cheapestQuotes(snapshot, models, workload, vector, first, cheapestPerModel, include);
      return { estimates: firstCosts(quotes, first, cheapestPerModel, main, workload), totalCount, workload };
    }
    // As of `at`, or at one provider: every offering is quoted in floating point from its cost plan; only the page is priced exactly.
    const quotes: QuotedOffering[] = [];
    for (const ordinal of models) {
      const model = snapshot.models[ordinal];
      if (at) {
        // As of `at`, an offering is free by the prices then in force.
        for (const offering of snapshot.offeringsOfModel(model.id, options.providerId)) {
          const prices = snapshot.pricesAt(offering.id, at);
          if (!isIncluded({ free: isFreeOffering(offering, prices), router: isRouterOffering(offering) }, include)) continue;
          const plan = costPlanOf(offering.id, workload.mode, prices);
          if (plan) quotes.push({ offering, prices, quick: quickCost(plan, vector) });
        }
        continue;
      }
      // Now, by the snapshot's classification and prices, gathered once per model.
      for (const input of quoteInputsOf(snapshot, model.id, options.providerId)) {
        if (!isIncluded(input.kind, include)) continue;
        const plan = planOf(input, workload.mode);
        if (plan) quotes.push({ offering: input.offering, prices: input.prices, quick: quickCost(plan, vector) });
      }
    }
    return {
      estimates: firstCosts(quotes, first, cheapestPerModel, mainCurrency(quotes.map((q) => q.quick.currency)), workload),
      totalCount: cheapestPerModel ? new Set(quotes.map((q) => q.offering.modelId)).size : quotes.length,
      workload,
    };
  }
}
