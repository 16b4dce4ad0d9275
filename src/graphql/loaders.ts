import DataLoader from "dataloader";
import type { CatalogServices } from "../catalog/catalogServices";
import type { CatalogSnapshot } from "../catalog/readModel/catalogSnapshot";

/**
 * Request-scoped batch loaders for what public reads still take from the database: provenance (facts
 * and decisions are too many to hold in memory whole). One round trip per query level, however many
 * records ask, and none for entities already read on the request's snapshot. Everything else
 * resolves from the snapshot itself.
 */
export function createLoaders(services: CatalogServices, snapshot: () => CatalogSnapshot) {
  return {
    provenance: new DataLoader((keys: readonly string[]) => services.provenance.provenanceFor(snapshot(), keys), { maxBatchSize: 200 }),
  };
}

export type CatalogLoaders = ReturnType<typeof createLoaders>;
