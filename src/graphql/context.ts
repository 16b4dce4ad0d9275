import type { CatalogLoaders } from "./loaders";

/** What every resolver receives for one request. */
export interface GraphQLContext {
  requestId: string;
  /** Request-scoped batch loaders: one database round trip per kind of lookup per query level. */
  loaders: CatalogLoaders;
}
