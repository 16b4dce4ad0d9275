import type { CatalogSnapshot } from "../readModel/catalogSnapshot";

export interface MissingLimits {
  /** Models with no model-level context window. */
  count: number;
  /** Of those, models with a context window on at least one offering (a value the model could take). */
  onAnOffering: number;
  /** Their ids, in id order. */
  modelIds: string[];
}

export interface MissingPrices {
  /** Models with no current price on any offering. */
  count: number;
  /** Of those, models without any offering at all. */
  withoutOfferings: number;
  modelIds: string[];
}

/** Models a filter by context window silently leaves out: no context window of their own. */
export function modelsWithoutLimits(snapshot: CatalogSnapshot): MissingLimits {
  const missing = snapshot.models.filter((m) => m.contextWindow === null);
  return {
    count: missing.length,
    onAnOffering: missing.filter((m) => snapshot.offeringsOfModel(m.id).some((o) => o.contextWindow !== null)).length,
    modelIds: missing.map((m) => m.id),
  };
}

/** Models no price ordering or estimate can place: no price in force on any offering. */
export function modelsWithoutPrices(snapshot: CatalogSnapshot): MissingPrices {
  const missing = snapshot.models.filter((m) => snapshot.offeringsOfModel(m.id).every((o) => snapshot.currentPrices(o.id).length === 0));
  return {
    count: missing.length,
    withoutOfferings: missing.filter((m) => snapshot.offeringsOfModel(m.id).length === 0).length,
    modelIds: missing.map((m) => m.id),
  };
}
