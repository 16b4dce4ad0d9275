import { parseAccept, qualityOf } from "./weightedHeader";

/**
 * The one place that decides the status code of a GraphQL answer, after the GraphQL-over-HTTP spec
 * (https://graphql.github.io/graphql-over-http/draft/): a well-formed request whose operation fails
 * before it runs (syntax, validation, a limit, variables that do not coerce) is 200 for a client that
 * accepts only `application/json` (legacy clients read errors only from 200 answers) and 400 for one
 * that accepts `application/graphql-response+json`.
 */
export type GraphQLMediaType = "application/json" | "application/graphql-response+json";

/** Error codes of a well-formed request whose operation could not run. */
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "OPERATION_RESOLUTION_FAILURE", "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED"]);

/**
 * The media type to answer in, as Apollo Server chooses it: `application/graphql-response+json` only
 * when the client weighs it above `application/json`, each by its most specific range (a tie, a
 * missing header or `*\/*` alone is JSON).
 */
export function responseMediaType(accept: string | undefined): GraphQLMediaType {
  const ranges = parseAccept(accept);
  return qualityOf("application/graphql-response+json", ranges) > qualityOf("application/json", ranges) ? "application/graphql-response+json" : "application/json";
}

/** The status of an answer that holds only request errors (no `data`), by the media type it is sent in. */
export function requestErrorStatus(mediaType: GraphQLMediaType): number {
  return mediaType === "application/json" ? 200 : 400;
}

/**
 * Apollo answers every request error with 400, whatever the client accepts; under `application/json`
 * the spec asks for 200 when the request itself was well-formed. Returns the status to send instead.
 */
export function correctedStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith("application/json")) return status;
  let errors: unknown;
  try {
    errors = (JSON.parse(body) as { errors?: unknown }).errors;
  } catch {
    return status;
  }
  const wellFormed = Array.isArray(errors) && errors.length > 0 && errors.every((e) => REQUEST_ERROR_CODES.has((e as { extensions?: { code?: string } })?.extensions?.code ?? ""));
  return wellFormed ? 200 : status;
}
