import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { GraphQLError, specifiedRules, validate, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Logger } from "../logger";
import type { GraphQLContext } from "../graphql/context";
import { snapshotCacheability } from "../graphql/cache/snapshotCachePlugin";
import { formatCatalogError, unexpectedErrorLogger } from "../graphql/errors/errorMapping";
import { compiledExecution } from "../graphql/execution/compiledExecutor";
import { costExtension } from "../graphql/limits/costExtension";
import { nulCharacterError, OperationGate } from "../graphql/limits/operationGate";
import { PayloadTooLargeError, readBody } from "./readBody";
import { ResponseCache } from "./responseCache";
import { limitConnectionsPerAddress, WEBSOCKET_LIMITS } from "./webSocketLimits";
import { PLAYGROUND_ASSETS_PREFIX, servePlaygroundAsset } from "./playground/playgroundAssets";
import { sendPlaygroundPage } from "./playground/playgroundPage";
import { wantsPlayground } from "./playground/wantsPlayground";

const MAX_BODY_BYTES = 1_000_000;

export interface HttpServerOptions {
  schema: GraphQLSchema;
  logger: Logger;
  /** A fresh context per request (or WebSocket connection): its id, its credentials' viewer, request-scoped loaders. */
  createContext: (requestId: string, authorization: string | undefined) => Promise<GraphQLContext>;
  /**
   * The catalog version reads are served from now (the read model's snapshot). Anonymous answers that read
   * only it are cached until it changes; without it nothing is cached.
   */
  catalogVersion?: () => object;
  /** How many answers to keep per catalog version; 0 turns the cache off. */
  responseCacheEntries?: number;
  /** The readiness probe's answer (`/readyz`); without it the probe says ready once the server listens. */
  readiness?: () => Promise<{ ready: boolean; checks: Record<string, boolean> }>;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves the GraphQL API on `/graphql` and a liveness probe on `/healthz`, on plain Node HTTP with
 * Apollo Server's framework-free request handler.
 */
export async function startHttpServer(
  options: HttpServerOptions,
  listen: { port: number; host: string },
): Promise<RunningHttpServer> {
  const { logger } = options;
  const server = http.createServer();
  const cacheEntries = options.responseCacheEntries ?? 2_000;
  const gate = new OperationGate(options.schema);
  const responses = options.catalogVersion && cacheEntries > 0 ? new ResponseCache(options.catalogVersion, { entries: cacheEntries, bytes: 64 * 1024 * 1024 }) : undefined;
  const apollo = new ApolloServer<GraphQLContext>({
    gateway: compiledExecution(options.schema),
    introspection: true,
    // main.ts owns SIGTERM and SIGINT; Apollo's own handlers (installed outside NODE_ENV=test) would race
    // ours to stop() and leave the second stop waiting forever.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // Operations are measured (and refused) by the gate before Apollo sees them; this only bounds its own parse.
    parseOptions: { maxTokens: gate.limits.maxTokens },
    formatError: formatCatalogError,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDrainHttpServer({ httpServer: server }), unexpectedErrorLogger(logger), snapshotCacheability(), costExtension()],
  });
  await apollo.start();

  // Subscriptions: graphql-ws on the same port and path. Credentials, if any, come in the connection's
  // `authorization` parameter (browsers cannot set headers on a WebSocket).
  // The same payload limit as an HTTP body; a bigger message closes the socket (1009).
  const webSockets = new WebSocketServer({ server, path: "/graphql", maxPayload: MAX_BODY_BYTES });
  limitConnectionsPerAddress(webSockets, WEBSOCKET_LIMITS.connectionsPerAddress, (address) => logger.warn("Refused a WebSocket: too many from one address", { address }));
  const subscriptions = useServer<{ authorization?: string }, { requestId: string }>(
    {
      schema: options.schema,
      // The same limits as over HTTP, checked before graphql-ws parses and validates.
      // Every refusal is an error on the operation's own id: the socket and its other operations go on.
      onSubscribe: (ctx, id, payload) => {
        if (Object.keys(ctx.subscriptions).length >= WEBSOCKET_LIMITS.subscriptionsPerSocket) {
          logger.warn("Refused a subscription: too many on one socket", { subscription: id });
          return [new GraphQLError(`This socket already runs ${WEBSOCKET_LIMITS.subscriptionsPerSocket} operations; complete some first`, { extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "subscriptionsPerSocket" } })];
        }
        const nul = nulCharacterError(payload.query, payload.variables);
        if (nul) return [nul];
        const admission = gate.admit(payload.query, payload.operationName);
        if (admission.admitted === "unparsed") {
          // Unanswered, graphql-ws would close the whole socket (4500) over one operation's syntax error.
          logger.warn("Refused a subscription that does not parse", { subscription: id, error: admission.error.message });
          return [admission.error];
        }
        if (!admission.admitted) {
          logger.warn("Refused an operation over the limits", { subscription: id, ...admission.error.extensions });
          return [admission.error];
        }
        return undefined;
      },
      validate: (schema, document) => validate(schema, document, specifiedRules),
      context: (ctx) => {
        const requestId = crypto.randomUUID();
        const authorization = ctx.connectionParams?.authorization;
        return options.createContext(requestId, typeof authorization === "string" ? authorization : undefined);
      },
      // The same error mapping as over HTTP: domain errors get their codes, anything else is masked.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatCatalogError(error.toJSON(), error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => {
        logger.warn("A subscription was refused", { errors: errors.map((e) => e.message) });
        return errors.map((error) => formatCatalogError({ ...error.toJSON(), extensions: { code: "GRAPHQL_VALIDATION_FAILED", ...error.extensions } }, error));
      },
    },
    webSockets,
  );

  server.on("request", (request, response) => {
    const requestId = pickRequestId(request.headers["x-request-id"]);
    response.setHeader("x-request-id", requestId);
    route(request, response, requestId).catch((error: unknown) => {
      logger.error("Unhandled HTTP error", { requestId, error });
      if (!response.headersSent) sendJson(response, 500, { error: "Internal server error", requestId });
      else response.end();
    });
  });

  async function route(request: http.IncomingMessage, response: http.ServerResponse, requestId: string) {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return sendJson(response, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      const readiness = options.readiness ? await options.readiness() : { ready: true, checks: {} };
      response.setHeader("cache-control", "no-store");
      return sendJson(response, readiness.ready ? 200 : 503, { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks });
    }
    if (url.pathname.startsWith(PLAYGROUND_ASSETS_PREFIX)) return servePlaygroundAsset(request, response, url.pathname);
    if (url.pathname !== "/graphql") return sendJson(response, 404, { error: `No route for ${url.pathname}; the API is at /graphql` });
    if (wantsPlayground(request, url)) return sendPlaygroundPage(response);

    let body: unknown;
    let text = "";
    if (request.method === "POST") {
      try {
        text = await readBody(request, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          response.setHeader("connection", "close");
          return sendJson(response, 413, { errors: [{ message: error.message, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
        }
        throw error;
      }
      body = parseJsonBody(text, request.headers["content-type"]);
      if (body instanceof Error) return sendJson(response, 400, { errors: [{ message: body.message, extensions: { code: "BAD_REQUEST" } }] });
    }

    const operation = operationOf(request.method, url, body);
    const nul = operation ? nulCharacterError(operation.query, operation.variables) : undefined;
    if (nul) return sendJson(response, 400, { errors: [formatCatalogError(nul.toJSON(), nul)] });
    const admission = operation ? gate.admit(operation.query, operation.operationName) : undefined;
    // A document that does not parse goes on to Apollo, which reports its syntax error as usual.
    if (admission?.admitted === false) {
      logger.warn("Refused an operation over the limits", { requestId, ...admission.error.extensions });
      return sendJson(response, 400, { errors: [formatCatalogError(admission.error.toJSON(), admission.error)] });
    }

    // Anonymous reads of the catalog are the same for everyone: a repeated one is answered from the cache.
    const cacheKey = responses && !request.headers.authorization ? ResponseCache.keyOf(request.method ?? "GET", url.search, text, request.headers.accept) : undefined;
    const cached = cacheKey ? responses!.lookup(cacheKey) : undefined;
    if (cached) {
      for (const [key, value] of cached.headers) response.setHeader(key, value);
      response.setHeader("x-catalog-cache", "hit");
      response.statusCode = cached.status;
      response.end(cached.body);
      return;
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const graphqlRequest: HTTPGraphQLRequest = { method: request.method ?? "GET", headers, search: url.search, body };
    let context: GraphQLContext | undefined;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: graphqlRequest,
      context: async () => {
        context = await options.createContext(requestId, headerValue(request.headers.authorization));
        if (admission?.admitted === true) context.answer.cost = admission.cost.cost;
        return context;
      },
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      if (cacheKey && context?.answer.cacheable && response.statusCode === 200) {
        responses!.store(context.snapshot, cacheKey, { status: 200, headers: [...result.headers], body: result.body.string });
        response.setHeader("x-catalog-cache", "miss");
      }
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = listen.host === "0.0.0.0" || listen.host === "::" ? "localhost" : listen.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    async stop() {
      await subscriptions.dispose();
      for (const client of webSockets.clients) client.terminate();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function headerValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === "") return undefined;
  if (contentType && !/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
    // Apollo answers unsupported content types itself; hand it the raw text.
    return text;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return new Error(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The query text and operation name of a GraphQL request, from a POST body or a GET query string. */
function operationOf(method: string | undefined, url: URL, body: unknown): { query: string; operationName: string | null; variables: unknown } | undefined {
  if (method === "GET") {
    const query = url.searchParams.get("query");
    return query ? { query, operationName: url.searchParams.get("operationName"), variables: url.searchParams.get("variables") } : undefined;
  }
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const { query, operationName, variables } = body as { query?: unknown; operationName?: unknown; variables?: unknown };
    if (typeof query === "string") return { query, operationName: typeof operationName === "string" ? operationName : null, variables };
  }
  return undefined;
}

function pickRequestId(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
}

function sendJson(response: http.ServerResponse, status: number, payload: unknown): void {
  response.statusCode = status;
  response.setHeader("content-type", "application/json; charset=utf-8");
  response.end(JSON.stringify(payload));
}
