// What an estimate reads of each offering, gathered once per snapshot and model: at 100 times the catalog,
// looking up each of 11,500 offerings' prices, free and router classes and cost plan in maps of 565,000
// entries was half of an estimate's time (the lookups miss the processor's caches).
import { canonicalProviderId } from "../identity/partyIdentity";
import type { OfferingKind } from "../offerings/offeringKind";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { OfferingView, PriceMode, PriceView } from "../views";
import { costPlanOf, type CostPlan } from "./costPlan";

/** An offering with its current prices, its class, and its cost plan per mode (filled on first use). */
export interface OfferingQuoteInput {
  offering: OfferingView;
  prices: readonly PriceView[];
  kind: OfferingKind;
  plans: Partial<Record<PriceMode, CostPlan | null>>;
}

/** Per snapshot (a price patch makes a new one, so nothing here outlives the prices it read), per model. */
const inputsBySnapshot = new WeakMap<CatalogSnapshot, Map<string, OfferingQuoteInput[]>>();

/** A model's offerings as an estimate prices them now; only `providerId`'s (any of its ids) when given. */
export function quoteInputsOf(snapshot: CatalogSnapshot, modelId: string, providerId?: string | null): readonly OfferingQuoteInput[] {
  let byModel = inputsBySnapshot.get(snapshot);
  if (!byModel) inputsBySnapshot.set(snapshot, (byModel = new Map()));
  let inputs = byModel.get(modelId);
  if (!inputs) {
    inputs = snapshot.offeringsOfModel(modelId).map((offering) => ({ offering, prices: snapshot.currentPrices(offering.id), kind: snapshot.offeringKind(offering.id), plans: {} }));
    byModel.set(modelId, inputs);
  }
  if (!providerId) return inputs;
  const wanted = canonicalProviderId(providerId);
  return inputs.filter((input) => input.offering.providerId === wanted);
}

/** The input's cost plan in a mode (costPlanOf), kept on the input. */
export function planOf(input: OfferingQuoteInput, mode: PriceMode): CostPlan | undefined {
  let plan = input.plans[mode];
  if (plan === undefined) input.plans[mode] = plan = costPlanOf(input.offering.id, mode, input.prices) ?? null;
  return plan ?? undefined;
}
