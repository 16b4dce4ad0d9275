import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { getIntrospectionQuery, type GraphQLSchema } from "graphql";
import type { Logger } from "../logger";
import type { GraphQLContext } from "../graphql/context";
import { snapshotCacheability } from "../graphql/cache/snapshotCachePlugin";
import { formatCatalogError, unexpectedErrorLogger } from "../graphql/errors/errorMapping";
import { compiledExecution } from "../graphql/execution/compiledExecutor";
import { costExtension } from "../graphql/limits/costExtension";
import { OperationGate } from "../graphql/limits/operationGate";
import { applyCors, type CorsOrigins } from "./cors";
import { createGraphQLRoute, MAX_BODY_BYTES } from "./graphqlRoute";
import { CatalogMetrics, NOT_GRAPHQL } from "./metrics";
import type { RateLimitSettings } from "../config";
import { PersistedQueries } from "./persistedQueries";
import { ClientRateLimits, NO_RATE_LIMITS } from "./rateLimits";
import type { RequestRecord } from "./requestRecord";
import { ResponseCache } from "./responseCache";
import { serveWebSockets } from "./webSocketServer";
import { PLAYGROUND_ASSETS_PREFIX, precompressPlaygroundAssets, servePlaygroundAsset } from "./playground/playgroundAssets";
import { exampleOperations } from "./playground/exampleOperations";
import { sendPlaygroundPage } from "./playground/playgroundPage";
import { wantsPlayground } from "./playground/wantsPlayground";
import { CATALOG_PAGE_ASSETS_PREFIX, CATALOG_PAGE_PATH, sendCatalogPage, serveCatalogPageAsset } from "./catalogPage/catalogPage";

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
  /** Page origins allowed to call the API (CORS); default any. */
  corsOrigins?: CorsOrigins;
  /** How long `stop()` lets requests in flight finish before cutting their connections (default 10 s). */
  shutdownGraceMs?: number;
  /** Per-client limits (rateLimits.ts); none when absent (the server's config always sets them). */
  rateLimits?: RateLimitSettings;
  /** Reverse proxies whose X-Forwarded-For names the client (for the per-client limits); none by default. */
  trustedProxies?: readonly string[];
  /** Where requests, refusals and database round trips are counted; served on /metrics. */
  metrics?: CatalogMetrics;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves the GraphQL API on `/graphql` (HTTP and graphql-ws), the probes `/healthz` and `/readyz`, the
 * playground, and the catalog page for people at `/`, on plain Node HTTP with Apollo Server's framework-free request handler.
 */
export async function startHttpServer(
  options: HttpServerOptions,
  listen: { port: number; host: string },
): Promise<RunningHttpServer> {
  const { logger } = options;
  const server = http.createServer();
  const cacheEntries = options.responseCacheEntries ?? 2_000;
  const gate = new OperationGate(options.schema);
  // Measured once at start: the operations clients send most are then admitted from the gate's memory,
  // and its parse and walk are compiled before the first hostile document has to be refused quickly.
  for (const operation of [...exampleOperations.map((example) => example.query), getIntrospectionQuery()]) gate.admit(operation, null);
  const responses = options.catalogVersion && cacheEntries > 0 ? new ResponseCache(options.catalogVersion, { entries: cacheEntries, bytes: 64 * 1024 * 1024 }) : undefined;
  const apollo = new ApolloServer<GraphQLContext>({
    gateway: compiledExecution(options.schema),
    introspection: true,
    // main.ts owns SIGTERM and SIGINT; Apollo's own handlers (installed outside NODE_ENV=test) would race
    // ours to stop() and leave the second stop waiting forever.
    stopOnTerminationSignals: false,
    // Credentials travel only in the Authorization header, which a cross-site form or <img> cannot set and
    // a cross-origin script can only send after a CORS preflight: a forged request carries no one's
    // credentials, so CSRF prevention (which refuses plain GETs from standard clients) protects nothing here.
    csrfPrevention: false,
    // Automatic persisted queries are resolved by the route (persistedQueries.ts), before the gate.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    // Operations are measured (and refused) by the gate before Apollo sees them; this only bounds its own parse.
    parseOptions: { maxTokens: gate.limits.maxTokens },
    formatError: formatCatalogError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
      unexpectedErrorLogger(logger),
      snapshotCacheability(),
      costExtension(),
    ],
  });
  await apollo.start();

  const metrics = options.metrics ?? new CatalogMetrics();
  const limits = new ClientRateLimits(options.rateLimits ?? NO_RATE_LIMITS);
  const trustedProxies = new Set(options.trustedProxies ?? []);
  const stopWebSockets = serveWebSockets(server, {
    schema: options.schema,
    trustedProxies,
    gate,
    logger,
    limits,
    maxPayloadBytes: MAX_BODY_BYTES,
    createContext: options.createContext,
    onRefusal: (reason) => metrics.refused(reason),
  });
  const graphqlRoute = createGraphQLRoute({ apollo, gate, logger, responses, limits, trustedProxies, persistedQueries: new PersistedQueries(), createContext: options.createContext });
  const corsOrigins = options.corsOrigins ?? "*";

  server.on("request", (request, response) => {
    const started = performance.now();
    const requestId = pickRequestId(request.headers["x-request-id"]);
    response.setHeader("x-request-id", requestId);
    const url = new URL(request.url ?? "/", "http://localhost");
    const record: RequestRecord = { requestId, method: request.method ?? "GET", path: url.pathname, outcome: "ok" };
    // One access line and one count per request, when its answer has been handed to the network (or
    // the client went away first).
    response.once("close", () => {
      const durationMs = performance.now() - started;
      const graphql = url.pathname === "/graphql" && !record.served;
      metrics.observeRequest({ operation: graphql ? (record.operationName ?? null) : NOT_GRAPHQL, outcome: record.outcome, durationMs });
      if (record.refusal) metrics.refused(record.refusal);
      if (record.cache) metrics.cacheLookup(record.cache === "hit");
      const probe = url.pathname === "/healthz" || url.pathname === "/readyz" || url.pathname === "/metrics";
      const line = {
        requestId,
        method: record.method,
        path: record.path,
        status: response.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        ...(record.operationName ? { operation: record.operationName } : {}),
        outcome: record.outcome,
        ...(record.cost !== undefined ? { cost: record.cost } : {}),
        ...(record.refusal ? { refusal: record.refusal } : {}),
        ...(record.cache ? { cache: record.cache } : {}),
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      // Probes are polled every few seconds: their lines would drown the rest.
      if (probe) logger.debug("request", line);
      else logger.info("request", line);
    });
    route(request, response, url, record).catch((error: unknown) => {
      record.outcome = "server_error";
      logger.error("Unhandled HTTP error", { requestId, error });
      if (!response.headersSent) sendJson(response, 500, { error: "Internal server error", requestId });
      else response.end();
    });
  });

  async function route(request: http.IncomingMessage, response: http.ServerResponse, url: URL, record: RequestRecord) {
    if (applyCors(corsOrigins, request, response)) return;
    if (url.pathname === "/healthz") return sendJson(response, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      const readiness = options.readiness ? await options.readiness() : { ready: true, checks: {} };
      response.setHeader("cache-control", "no-store");
      return sendJson(response, readiness.ready ? 200 : 503, { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks });
    }
    if (url.pathname === "/metrics") {
      const { contentType, body } = await metrics.render();
      response.setHeader("content-type", contentType);
      response.setHeader("cache-control", "no-store");
      response.end(body);
      return;
    }
    if (url.pathname.startsWith(PLAYGROUND_ASSETS_PREFIX)) return servePlaygroundAsset(request, response, url.pathname);
    if (url.pathname === CATALOG_PAGE_PATH) return sendCatalogPage(request, response);
    if (url.pathname.startsWith(CATALOG_PAGE_ASSETS_PREFIX)) return serveCatalogPageAsset(request, response, url.pathname);
    if (url.pathname !== "/graphql") {
      record.outcome = "not_found";
      return sendJson(response, 404, { error: `No route for ${url.pathname}; the API is at /graphql` });
    }
    if (wantsPlayground(request, url)) {
      record.served = "playground";
      // The page's scripts are asked for next: start compressing them now (once; later calls find them done).
          return sendPlaygroundPage(response);
    }
    return graphqlRoute(request, response, url, record);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  precompressPlaygroundAssets();
  const { port } = server.address() as AddressInfo;
  const shownHost = listen.host === "0.0.0.0" || listen.host === "::" ? "localhost" : listen.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    async stop() {
      await stopWebSockets();
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
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
