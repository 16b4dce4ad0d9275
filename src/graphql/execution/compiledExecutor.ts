import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { getVariableValues } from "graphql/execution/values";
import { GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type SourceLocation } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** Compiled operations kept per parsed document (Apollo keeps one document object per distinct query text). */
const compiledByDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

function compiled(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult {
  let byOperation = compiledByDocument.get(document);
  if (!byOperation) compiledByDocument.set(document, (byOperation = new Map()));
  const key = operationName ?? "";
  let query = byOperation.get(key);
  if (!query) {
    query = compileQuery(schema, document, operationName ?? undefined);
    byOperation.set(key, query);
  }
  return query;
}

/**
 * graphql-jit's errors inherit from GraphQLError without running its constructor, so they lack what
 * Apollo and the error mapping read (`extensions` is undefined): rebuilt as graphql-js errors, with the
 * resolver's original error, path and locations kept.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { originalError: error.originalError ?? undefined, path: error.path, extensions: error.extensions ?? undefined });
  if (error.locations) (rebuilt as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return rebuilt;
}

/**
 * Runs operations through graphql-jit instead of graphql-js's interpreter: each distinct operation is
 * compiled once into a function that calls the same resolvers, which removes most of the per-field
 * cost of execution now that resolvers read memory. It plugs into Apollo Server through the gateway
 * interface (a schema and an executor), so Apollo's request pipeline, plugins, validation and error
 * formatting are unchanged; subscriptions still run on graphql-js (graphql-ws).
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const executor: GatewayExecutor = async (request) => {
    const query = compiled(schema, request.document, request.operationName);
    if (!isCompiledQuery(query)) return query;
    // graphql-js coerces variables first: its messages keep what a scalar said was wrong ("Decimal must
    // be a decimal number"), where graphql-jit's say only which type was expected.
    const definitions = request.operation.variableDefinitions ?? [];
    if (definitions.length > 0) {
      const coerced = getVariableValues(schema, definitions, request.request.variables ?? {}, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const result = (await query.query(undefined, request.context, request.request.variables ?? {})) as ExecutionResult<Record<string, unknown>>;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
