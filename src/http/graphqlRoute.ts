import type http from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { Logger } from "../logger";
import type { GraphQLContext } from "../graphql/context";
import { formatCatalogError } from "../graphql/errors/errorMapping";
import { unstorableStringError, type Admission, type OperationGate } from "../graphql/limits/operationGate";
import { correctedStatus, requestErrorStatus, responseMediaType } from "./graphqlStatus";
import { MalformedBodyError, PayloadTooLargeError, readBody } from "./readBody";
import { etagOf, sendRepresentation, type Representation } from "./representation";
import { clientAddress } from "./clientAddress";
import type { PersistedQueries } from "./persistedQueries";
import { rateLimitMessage, type ClientRateLimits, type RateLimited } from "./rateLimits";
import { ResponseCache } from "./responseCache";
import type { RequestRecord } from "./requestRecord";
import { ExecutionTurns } from "./executionTurns";

export const MAX_BODY_BYTES = 1_000_000;
/** The body types a POST may carry (the spec's application/json; some clients send the response type). */
const JSON_BODY = /^application\/(graphql-response\+)?json\s*(;|$)/i;

export interface GraphQLRouteOptions {
  apollo: ApolloServer<GraphQLContext>;
  gate: OperationGate;
  logger: Logger;
  createContext: (requestId: string, authorization: string | undefined) => Promise<GraphQLContext>;
  /** Answers of anonymous reads, per catalog version; none when absent. */
  responses?: ResponseCache;
  limits: ClientRateLimits;
  persistedQueries: PersistedQueries;
  /** Proxies whose X-Forwarded-For is believed (clientAddress.ts). */
  trustedProxies: ReadonlySet<string>;
}

/** One GraphQL request over HTTP, as far as the route learned it. */
interface Operation {
  query: string;
  operationName: string | null;
  variables: unknown;
}

/**
 * `/graphql` for GET and POST: reads the body (1 MB, UTF-8), runs the operation gate, answers repeated
 * anonymous reads from the response cache, else hands the request to Apollo; then decides the status
 * (graphqlStatus.ts), the caching headers and the encoding of the answer. Fills `record` for the
 * access log and the metrics.
 */
export function createGraphQLRoute(options: GraphQLRouteOptions) {
  const { apollo, gate, logger, responses, limits, persistedQueries } = options;
  /** Addresses already told about in the log this minute, so a flood of refusals costs one line, not one each. */
  const rateLimitLogged = new Map<string, number>();
  const turns = new ExecutionTurns();

  return async function graphqlRoute(request: http.IncomingMessage, response: http.ServerResponse, url: URL, record: RequestRecord): Promise<void> {
    const method = request.method ?? "GET";
    const mediaType = responseMediaType(request.headers.accept);
    const refuse = (status: number, error: GraphQLError | { message: string; extensions: { code: string } }, outcome: RequestRecord["outcome"]) => {
      record.outcome = outcome;
      const body = "toJSON" in error ? formatCatalogError(error.toJSON(), error) : error;
      return sendRepresentation(request, response, {
        status,
        headers: [["content-type", `${status === 200 || status === 400 ? mediaType : "application/json"}; charset=utf-8`], ["cache-control", "no-store"]],
        body: Buffer.from(JSON.stringify({ errors: [body] })),
        effort: "dynamic",
      });
    };

    const address = clientAddress(request, options.trustedProxies);
    const rateLimited = (limited: RateLimited) => {
      record.refusal = "rateLimited";
      const logKey = `${limited.limit}:${address}`;
      if ((rateLimitLogged.get(logKey) ?? 0) < Date.now() - 60_000) {
        if (rateLimitLogged.size > 10_000) rateLimitLogged.clear();
        rateLimitLogged.set(logKey, Date.now());
        logger.warn("Rate limited a client; further refusals of it this minute are not logged", { requestId: record.requestId, address, limit: limited.limit, retryAfterSeconds: limited.retryAfterSeconds });
      }
      response.setHeader("retry-after", String(limited.retryAfterSeconds));
      return refuse(429, { message: rateLimitMessage(limited), extensions: { code: "RATE_LIMITED", limit: limited.limit, retryAfterSeconds: limited.retryAfterSeconds } as never }, "rate_limited");
    };

    let body: unknown;
    let text = "";
    if (method === "POST") {
      const contentType = request.headers["content-type"];
      // A POST must say it carries JSON: a form or a text body is what a page on any origin can send
      // without a preflight, and a body of unknown type is a guess.
      if (!contentType || !JSON_BODY.test(contentType)) {
        return refuse(415, { message: `A POST to /graphql needs Content-Type: application/json${contentType ? `, got ${contentType.slice(0, 100)}` : ""}`, extensions: { code: "BAD_REQUEST" } }, "bad_request");
      }
      try {
        text = await readBody(request, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          response.setHeader("connection", "close");
          record.refusal = "payloadTooLarge";
          return refuse(413, { message: error.message, extensions: { code: "PAYLOAD_TOO_LARGE" } }, "refused");
        }
        if (error instanceof MalformedBodyError) return refuse(400, { message: error.message, extensions: { code: "BAD_REQUEST" } }, "bad_request");
        throw error;
      }
      body = parseJsonBody(text);
      if (body instanceof Error) return refuse(400, { message: body.message, extensions: { code: "BAD_REQUEST" } }, "bad_request");
    }

    // A query named by its hash becomes the query itself here, so everything below treats both alike.
    const sent = requestParams(method, url, body);
    const persisted = persistedQueries.resolve(sent.query, sent.extensions);
    if (persisted.kind === "invalid") return refuse(400, { message: persisted.message, extensions: { code: "BAD_REQUEST" } }, "bad_request");
    if (persisted.kind === "notFound") return refuse(requestErrorStatus(mediaType), { message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }, "bad_request");
    if (persisted.kind === "query") body = withQuery(method, url, body, persisted.query);

    const operation = operationOf(persisted.kind === "query" ? requestParams(method, url, body) : sent);
    const unstorable = operation ? unstorableStringError(operation.query, operation.variables) : undefined;
    if (unstorable) return refuse(requestErrorStatus(mediaType), unstorable, "bad_request");
    const admission: Admission | undefined = operation ? gate.admit(operation.query, operation.operationName) : undefined;
    record.operationName = operation?.operationName ?? (admission?.admitted === true ? admission.cost.name : null) ?? undefined;
    if (admission?.admitted === true) record.cost = admission.cost.cost;
    if (admission?.admitted === true && persisted.kind === "query" && persisted.register) persistedQueries.register(persisted.register, persisted.query);
    // A document that does not parse goes on to Apollo, which reports its syntax error as usual.
    if (admission?.admitted === false) {
      record.refusal = String(admission.error.extensions.limit);
      logger.warn("Refused an operation over the limits", { requestId: record.requestId, ...admission.error.extensions });
      return refuse(requestErrorStatus(mediaType), admission.error, "refused");
    }

    // Anonymous reads of the catalog are the same for everyone: a repeated one is answered from the cache.
    const anonymous = !request.headers.authorization;
    const cacheKey = responses && anonymous ? ResponseCache.keyOf(method, url.search, text, request.headers.accept) : undefined;
    const cached = cacheKey ? responses!.lookup(cacheKey) : undefined;
    if (cacheKey) record.cache = cached ? "hit" : "miss";
    if (cached) {
      record.outcome = "ok";
      response.setHeader("x-catalog-cache", "hit");
      return sendRepresentation(request, response, cached);
    }

    // Who is asking, before anything runs: failed authentications are counted by address (past the
    // limit, credentials from there are not even checked), everything else by key, else by address.
    const authorization = headerValue(request.headers.authorization);
    if (authorization) {
      const limited = limits.beforeAuthentication(address);
      if (limited) return rateLimited(limited);
    }
    const context = await options.createContext(record.requestId, authorization);
    if (context.authFailure) limits.authenticationFailed(address);
    if (admission?.admitted === true) {
      context.answer.cost = admission.cost.cost;
      context.answer.maxAge = admission.cost.maxAge;
      const limited = limits.beforeOperation(context.viewer ? `key:${context.viewer.apiKeyId}` : `address:${address}`, admission.cost);
      if (limited) return rateLimited(limited);
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const graphqlRequest: HTTPGraphQLRequest = { method, headers, search: url.search, body };
    // After the queries waiting before it (executionTurns.ts says why).
    await turns.next();
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: graphqlRequest, context: async () => context });

    if (result.body.kind !== "complete") {
      // Incremental delivery (@defer/@stream) is streamed as Apollo writes it.
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
      record.outcome = "ok";
      return;
    }
    const answerHeaders = [...result.headers];
    const contentType = result.headers.get("content-type");
    const status = correctedStatus(result.status ?? 200, contentType, result.body.string);
    const clean = status === 200 && context.answer.clean === true;
    record.outcome = clean ? "ok" : status >= 500 ? "server_error" : status >= 400 ? "bad_request" : "graphql_error";
    const representation: Representation = { status, headers: answerHeaders, body: Buffer.from(result.body.string), effort: "dynamic" };
    // An anonymous GET of a query may be kept by browsers and shared caches for the least age its
    // fields allow, and revalidated with its ETag; everything else is about one client or one moment.
    if (method === "GET" && anonymous && clean) {
      const maxAge = context.answer.maxAge ?? 0;
      setHeader(representation, "cache-control", maxAge > 0 ? `public, max-age=${maxAge}` : "public, max-age=0, must-revalidate");
      representation.etag = etagOf(representation.body);
    } else {
      setHeader(representation, "cache-control", anonymous ? "no-store" : "private, no-store");
    }
    if (cacheKey && context.answer.cacheable && status === 200) {
      representation.encoded = new Map();
      responses!.store(context.snapshot, cacheKey, representation);
      response.setHeader("x-catalog-cache", "miss");
    }
    return sendRepresentation(request, response, representation);
  };
}

function setHeader(representation: Representation, name: string, value: string): void {
  representation.headers = representation.headers.filter(([key]) => key.toLowerCase() !== name);
  representation.headers.push([name, value]);
}

function headerValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    return new Error(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A request's GraphQL parameters as sent: a GET's query string (`extensions` parsed) or a POST's JSON object. */
function requestParams(method: string, url: URL, body: unknown): { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } {
  if (method !== "GET") return body && typeof body === "object" && !Array.isArray(body) ? body : {};
  const params = url.searchParams;
  let extensions: unknown;
  try {
    extensions = params.has("extensions") ? JSON.parse(params.get("extensions")!) : undefined;
  } catch {
    extensions = undefined; // Apollo reports the malformed parameter
  }
  return { query: params.get("query") ?? undefined, operationName: params.get("operationName"), variables: params.get("variables"), extensions };
}

/** The request with `query` in place and the persisted-query extension dropped (Apollo's own APQ is off). */
function withQuery(method: string, url: URL, body: unknown, query: string): unknown {
  const strip = (extensions: unknown) => {
    if (!extensions || typeof extensions !== "object") return extensions;
    const { persistedQuery: _hash, ...rest } = extensions as Record<string, unknown>;
    return rest;
  };
  if (method === "GET") {
    url.searchParams.set("query", query);
    const extensions = url.searchParams.get("extensions");
    if (extensions) url.searchParams.set("extensions", JSON.stringify(strip(JSON.parse(extensions))));
    return body;
  }
  const request = body as Record<string, unknown>;
  return { ...request, query, extensions: strip(request.extensions) };
}

/** The query text and operation name of a GraphQL request, when it carries a query. */
function operationOf({ query, operationName, variables }: ReturnType<typeof requestParams>): Operation | undefined {
  return typeof query === "string" ? { query, operationName: typeof operationName === "string" ? operationName : null, variables } : undefined;
}
