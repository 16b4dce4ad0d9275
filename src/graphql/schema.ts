import type { GraphQLSchema } from "graphql";
import { buildSchema, type ContainerType } from "type-graphql";
import { HealthResolver } from "./health/health.resolver";
import type { CatalogServices } from "../catalog/catalogServices";

/** The resolver classes of the public schema, in one list so the schema file and the server agree. */
export const RESOLVERS = [HealthResolver] as const;

/** Builds the executable schema, handing each resolver the services it needs through its constructor. */
export async function buildCatalogSchema(services: CatalogServices): Promise<GraphQLSchema> {
  const instances = new Map<Function, object>([[HealthResolver, new HealthResolver(services.health)]]);
  const container: ContainerType = {
    get(resolverClass: Function) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`No instance registered for resolver ${resolverClass.name}`);
      return instance;
    },
  };
  return buildSchema({ resolvers: [...RESOLVERS], container, validate: false });
}
