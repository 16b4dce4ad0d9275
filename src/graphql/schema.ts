import type { GraphQLSchema } from "graphql";
import { buildSchema, type ContainerType, type PubSub } from "type-graphql";
import type { CatalogServices } from "../catalog/catalogServices";
import { AuditLogResolver } from "./admin/auditLog.resolver";
import { ImportDocumentResolver } from "./admin/importDocument.mutation";
import { PriceMutationsResolver } from "./admin/price.mutations";
import { RecordMutationsResolver } from "./admin/record.mutations";
import { authChecker } from "./auth/authChecker";
import { CapabilityResolver } from "./capability/capability.resolver";
import { CompareResolver } from "./compare/compare.resolver";
import { CostResolver } from "./cost/cost.resolver";
import { HealthResolver } from "./health/health.resolver";
import { ModelResolver } from "./model/model.resolver";
import { OfferingResolver } from "./offering/offering.resolver";
import { PriceResolver } from "./offering/price.resolver";
import { AuthorResolver } from "./party/author.resolver";
import { ProviderResolver } from "./party/provider.resolver";
import { ConflictsResolver } from "./provenance/conflicts.resolver";
import { CatalogReportResolver } from "./quality/catalogReport.resolver";
import { checkDateTimeArguments } from "./scalars/dateTimeArguments";
import { SourceResolver } from "./source/source.resolver";

/**
 * type-graphql insists on a PubSub once a schema has subscriptions; ours subscribe through their own
 * `subscribe` function (to the catalog's PriceChangeFeed), so topics are never used.
 */
const TOPICLESS_PUB_SUB: PubSub = {
  publish() {
    throw new Error("topics are not used: subscriptions read the catalog's feeds");
  },
  subscribe() {
    throw new Error("topics are not used: subscriptions read the catalog's feeds");
  },
};

/** Each resolver class with how to build it from the services: the one place resolvers get their dependencies. */
function resolverInstances(services: CatalogServices): Map<Function, object> {
  return new Map<Function, object>([
    [HealthResolver, new HealthResolver(services.health)],
    [ModelResolver, new ModelResolver(services.models)],
    [OfferingResolver, new OfferingResolver(services.offerings)],
    [PriceResolver, new PriceResolver()],
    [ProviderResolver, new ProviderResolver(services.parties)],
    [AuthorResolver, new AuthorResolver(services.parties)],
    [CapabilityResolver, new CapabilityResolver()],
    [SourceResolver, new SourceResolver(services.sources)],
    [ConflictsResolver, new ConflictsResolver(services.provenance)],
    [CompareResolver, new CompareResolver(services.comparison)],
    [CostResolver, new CostResolver(services.costs)],
    [PriceMutationsResolver, new PriceMutationsResolver(services.priceWrites)],
    [RecordMutationsResolver, new RecordMutationsResolver(services.recordWrites)],
    [ImportDocumentResolver, new ImportDocumentResolver(services.documentImports)],
    [AuditLogResolver, new AuditLogResolver(services.auditLog)],
    [CatalogReportResolver, new CatalogReportResolver(services.quality)],
  ]);
}

/** The resolver classes of the public schema, in one list so the schema file and the server agree. */
export const RESOLVERS = [
  HealthResolver,
  ModelResolver,
  OfferingResolver,
  PriceResolver,
  ProviderResolver,
  AuthorResolver,
  CapabilityResolver,
  SourceResolver,
  ConflictsResolver,
  CompareResolver,
  CostResolver,
  PriceMutationsResolver,
  RecordMutationsResolver,
  ImportDocumentResolver,
  AuditLogResolver,
  CatalogReportResolver,
] as const;

/** Builds the executable schema, handing each resolver the services it needs through its constructor. */
export async function buildCatalogSchema(services: CatalogServices): Promise<GraphQLSchema> {
  const instances = resolverInstances(services);
  const container: ContainerType = {
    get(resolverClass: Function) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`No instance registered for resolver ${resolverClass.name}`);
      return instance;
    },
  };
  return buildSchema({ resolvers: [...RESOLVERS], container, validateFn: checkDateTimeArguments, authChecker, authMode: "error", pubSub: TOPICLESS_PUB_SUB });
}
