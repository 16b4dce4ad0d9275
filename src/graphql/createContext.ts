import type { CatalogServices } from "../catalog/catalogServices";
import type { GraphQLContext } from "./context";
import { createLoaders } from "./loaders";

/**
 * A request's context: its id, fresh loaders, and who it is. A request without credentials is an
 * anonymous reader; one with credentials that do not authenticate keeps the reason, which the auth
 * checker reports only if the operation needs a key.
 */
export async function createRequestContext(services: CatalogServices, requestId: string, authorization: string | undefined | null): Promise<GraphQLContext> {
  const base = { requestId, snapshot: services.readModel.current, readModel: services.readModel, loaders: createLoaders(services, () => services.readModel.current), priceChanges: services.priceChanges, answer: { cacheable: false } };
  if (!authorization) return { ...base, viewer: null, authFailure: null };
  const result = await services.apiKeys.authenticate(authorization);
  return "viewer" in result ? { ...base, viewer: result.viewer, authFailure: null } : { ...base, viewer: null, authFailure: result };
}
