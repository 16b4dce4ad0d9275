import type { ModelCatalogService } from "../models/modelCatalog.service";
import type { ModelFilter } from "../models/modelFilter";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import { ValidationError } from "../errors";
import type { OfferingView } from "../views";
import { isFreeOffering, isIncluded, isRouterOffering, type PriceInclusion } from "../offerings/offeringKind";
import { normalizeWorkload, priceOffering, rankCosts, type OfferingCost, type Workload } from "./costEstimate";

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

/** Prices a workload on every offering of the models a filter selects, cheapest first. */
export class CostEstimateService {
  constructor(private readonly models: ModelCatalogService) {}

  estimate(snapshot: CatalogSnapshot, input: Partial<Workload>, options: EstimateOptions = {}): CostEstimates {
    const workload = normalizeWorkload(input);
    const first = options.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_ESTIMATES) throw new ValidationError(`first must be a whole number from 1 to ${MAX_ESTIMATES}, got ${first}`, "first");
    const include = options.include ?? {};
    const modelIds = this.models.matchingIds(snapshot, options.filter, include);
    if (modelIds.length > MAX_MODELS) throw new ValidationError(`The filter selects more than ${MAX_MODELS} models; narrow it`, "filter");
    const offerings = modelIds.flatMap((id) => snapshot.offeringsOfModel(id, options.providerId));
    const at = options.at ?? null;
    const byId = new Map(offerings.map((o) => [o.id, o]));
    const costs = offerings.flatMap((offering) => {
      const prices = at ? snapshot.pricesAt(offering.id, at) : snapshot.currentPrices(offering.id);
      // As of `at`, an offering is free by the prices then in force; now, by the snapshot's classification.
      const included = at ? isIncluded({ free: isFreeOffering(offering, prices), router: isRouterOffering(offering) }, include) : snapshot.includesOffering(offering.id, include);
      return included ? (priceOffering(offering.id, workload, [...prices]) ?? []) : [];
    });
    let ranked = rankCosts(costs, (a, b) => compareText(byId.get(a.offeringId)!.modelId, byId.get(b.offeringId)!.modelId));
    if (options.cheapestPerModel) {
      const seen = new Set<string>();
      ranked = ranked.filter((c) => {
        const modelId = byId.get(c.offeringId)!.modelId;
        if (seen.has(modelId)) return false;
        seen.add(modelId);
        return true;
      });
    }
    return {
      estimates: ranked.slice(0, first).map((cost) => ({ offering: byId.get(cost.offeringId)!, cost })),
      totalCount: ranked.length,
      workload,
    };
  }
}

/** Code-unit order, as every other list of the catalog (localeCompare is slow and locale-dependent). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
