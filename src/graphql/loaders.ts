import DataLoader from "dataloader";
import type { CatalogServices } from "../catalog/catalogServices";

/**
 * Request-scoped batch loaders for what public reads still take from the database: provenance (facts
 * and decisions are too many to hold in memory, and rarely read). One round trip per query level,
 * however many records ask. Everything else resolves from the request's read-model snapshot.
 */
export function createLoaders(services: CatalogServices) {
  return {
    provenance: new DataLoader((keys: readonly string[]) => services.provenance.provenanceByEntities(keys), { maxBatchSize: 200 }),
  };
}

export type CatalogLoaders = ReturnType<typeof createLoaders>;
