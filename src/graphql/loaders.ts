import DataLoader from "dataloader";
import type { CatalogServices } from "../catalog/catalogServices";
import type { PriceSelection } from "../catalog/offerings/offeringCatalog.service";

/**
 * Request-scoped batch loaders: every lookup of one kind at one level of a query becomes one database
 * round trip, however many parents ask. Loaders that take arguments (a provider, a date) keep one
 * loader per distinct argument.
 */
export function createLoaders(services: CatalogServices) {
  const perArgument = <Args, Value>(make: (args: Args) => DataLoader<string, Value>) => {
    const loaders = new Map<string, DataLoader<string, Value>>();
    return (args: Args) => {
      const key = JSON.stringify(args ?? null);
      let loader = loaders.get(key);
      if (!loader) loaders.set(key, (loader = make(args)));
      return loader;
    };
  };
  return {
    model: new DataLoader((ids: readonly string[]) => services.models.modelsByIds(ids)),
    aliases: new DataLoader((ids: readonly string[]) => services.models.aliasesByModelIds(ids)),
    benchmarks: new DataLoader((ids: readonly string[]) => services.models.benchmarksByModelIds(ids)),
    offering: new DataLoader((ids: readonly string[]) => services.offerings.offeringsByIds(ids)),
    offeringsOfModel: perArgument((providerId: string | null) => new DataLoader((ids: readonly string[]) => services.offerings.offeringsByModelIds(ids, providerId))),
    offeringsOfProvider: new DataLoader((ids: readonly string[]) => services.offerings.offeringsByProviderIds(ids)),
    prices: perArgument((selection: PriceSelection) => new DataLoader((ids: readonly string[]) => services.offerings.pricesByOfferingIds(ids, selection))),
    capabilitiesOfModel: new DataLoader((ids: readonly string[]) => services.capabilities.capabilitiesByModelIds(ids)),
    capabilitiesOfOffering: new DataLoader((ids: readonly string[]) => services.capabilities.capabilitiesByOfferingIds(ids)),
    provider: new DataLoader((ids: readonly string[]) => services.parties.providersByIds(ids)),
    author: new DataLoader((ids: readonly string[]) => services.parties.authorsByIds(ids)),
    modelCountOfAuthor: new DataLoader((ids: readonly string[]) => services.parties.modelCountsByAuthorIds(ids)),
    source: new DataLoader((ids: readonly string[]) => services.sources.sourcesByIds(ids)),
    provenance: new DataLoader((keys: readonly string[]) => services.provenance.provenanceByEntities(keys)),
  };
}

export type CatalogLoaders = ReturnType<typeof createLoaders>;
