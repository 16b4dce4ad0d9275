import type { Viewer } from "../catalog/auth/apiKeys.service";
import type { PriceChangeFeed } from "../catalog/admin/priceChangeFeed";
import type { CatalogLoaders } from "./loaders";

/** What every resolver receives for one request. */
export interface GraphQLContext {
  requestId: string;
  /** Request-scoped batch loaders: one database round trip per kind of lookup per query level. */
  loaders: CatalogLoaders;
  /** The API key the request authenticated with; null for an anonymous request or a failed authentication. */
  viewer: Viewer | null;
  /**
   * Why the request has no viewer, when it sent credentials that did not authenticate; the auth checker
   * reports it only when an operation needs a key, so anonymous reads still work.
   */
  authFailure: { failure: string; message: string; prefix?: string } | null;
  /** Committed price changes, for subscriptions. */
  priceChanges: PriceChangeFeed;
}
