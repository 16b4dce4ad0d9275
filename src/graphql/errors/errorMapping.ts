import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ConflictError, NotFoundError, ValidationError } from "../../catalog/errors";
import type { Logger } from "../../logger";
import type { GraphQLContext } from "../context";

/** Codes that describe the client's request; everything else is our fault and is masked. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "NOT_FOUND",
  "CONFLICT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
]);

export const UNEXPECTED_ERROR_MESSAGE = "Unexpected error.";

/** The one place domain errors become `extensions.code`; unexpected errors are masked. */
export function formatCatalogError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof NotFoundError) return { ...formatted, message: original.message, extensions: { code: "NOT_FOUND", entity: original.entity, id: original.id } };
  if (original instanceof ValidationError) {
    return { ...formatted, message: original.message, extensions: { code: "BAD_USER_INPUT", ...(original.field ? { field: original.field } : {}) } };
  }
  if (original instanceof ConflictError) return { ...formatted, message: original.message, extensions: { code: "CONFLICT" } };
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: UNEXPECTED_ERROR_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof NotFoundError || original instanceof ValidationError || original instanceof ConflictError) return false;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return !(typeof code === "string" && CLIENT_CODES.has(code));
}

/**
 * Logs every error that formatCatalogError masks, with the request id, so the client's report can be
 * traced; and every refused authentication or authorization.
 */
export function unexpectedErrorLogger(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") {
              // Refused writes leave no trace in the data, so the log is where they are seen.
              logger.warn("Refused a GraphQL operation", {
                requestId: contextValue.requestId,
                code,
                operation: operationName ?? null,
                path: error.path,
                key: contextValue.viewer?.name ?? contextValue.authFailure?.prefix ?? null,
                reason: contextValue.authFailure?.failure ?? null,
              });
              continue;
            }
            if (isUnexpected(error)) logger.error("Unexpected error in a GraphQL request", { requestId: contextValue.requestId, path: error.path, error: unwrapResolverError(error) });
          }
        },
      };
    },
  };
}
