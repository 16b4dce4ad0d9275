import type { CatalogServices } from "../catalog/catalogServices";

/** The request-scoped batch loaders over the catalog. */
export type CatalogLoaders = Record<string, never>;

export function createLoaders(_services: CatalogServices): CatalogLoaders {
  return {};
}
