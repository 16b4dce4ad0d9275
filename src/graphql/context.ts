import type { Viewer } from "../catalog/auth/apiKeys.service";
import type { PriceChangeFeed } from "../catalog/admin/priceChangeFeed";
import type { CatalogReadModel } from "../catalog/readModel/catalogReadModel";
import type { CatalogSnapshot } from "../catalog/readModel/catalogSnapshot";
import type { CatalogLoaders } from "./loaders";

/** What every resolver receives for one request. */
export interface GraphQLContext {
  requestId: string;
  /**
   * The read-model snapshot this request reads from start to end, so that one answer never mixes two
   * versions of the catalog. A mutation moves it to the snapshot that holds its write.
   */
  snapshot: CatalogSnapshot;
  readModel: CatalogReadModel;
  /** Request-scoped batch loaders for the reads that still go to the database (provenance). */
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
  /**
   * Whether the answer depends on `snapshot` alone and may be served again while it is current; set once
   * the operation is known. `clean` once it answered without errors (a client may then reuse it for
   * the operation's `maxAge`). An object, because Apollo hands plugins a shallow copy of the context.
   */
  answer: { cacheable: boolean; clean?: boolean; cost?: number; maxAge?: number };
}

/** After a write: the rest of the operation reads the snapshot that holds it (the admin reads their own write). */
export function readOwnWrite(context: GraphQLContext): CatalogSnapshot {
  context.snapshot = context.readModel.current;
  return context.snapshot;
}
