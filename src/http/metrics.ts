import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/** How a request ended: a closed set, so the metrics' label values stay bounded. */
export const REQUEST_OUTCOMES = ["ok", "graphql_error", "refused", "rate_limited", "bad_request", "not_found", "server_error"] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/**
 * Why the server refused an operation or a connection: the operation limits (depth, aliases, directives,
 * tokens, cost, introspectionDepth), the transport's (payloadTooLarge, webSocketConnections,
 * webSocketSubscriptions), abuse limits (rateLimited, authFailed) and input the server will not run
 * (parse: a document that does not parse; nul: a NUL character in a string). Each starts at 0 on /metrics.
 */
export const REFUSAL_REASONS = [
  "depth",
  "aliases",
  "directives",
  "tokens",
  "cost",
  "introspectionDepth",
  "payloadTooLarge",
  "rateLimited",
  "authFailed",
  "webSocketConnections",
  "webSocketSubscriptions",
  "parse",
  "nul",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The operation label of a request that is not a GraphQL operation (/healthz, /metrics, assets, 404s). */
export const NOT_GRAPHQL = "-";
/** The operation label of a GraphQL request without an operation name. */
export const ANONYMOUS_OPERATION = "anonymous";
/** The operation label that stands for every name past the cardinality bounds. */
export const OTHER_OPERATION = "other";
/** Longer operation names are counted as "other". */
export const MAX_OPERATION_NAME_LENGTH = 64;
/** Distinct operation names counted under their own label; later ones are counted as "other". */
export const MAX_OPERATION_NAMES = 200;

/** From a cache hit in a millisecond to the slowest operation the limits let through. */
const DURATION_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A GraphQL name (the spec's Name); the request's operationName is the client's text until Apollo checks it. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The catalog's Prometheus metrics, on a registry of its own so two servers in one process (tests, the
 * multi-instance test) count apart. Process metrics (CPU, memory, event loop lag, GC) describe the process,
 * not a server, so they are collected once per process and added to every instance's /metrics.
 */
export class CatalogMetrics {
  private readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: "catalog_http_requests_total",
    help: `HTTP requests served, by GraphQL operation name ("${ANONYMOUS_OPERATION}" when unnamed, "${NOT_GRAPHQL}" for other routes, "${OTHER_OPERATION}" past ${MAX_OPERATION_NAMES} names) and outcome.`,
    labelNames: ["operation", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: "catalog_http_request_duration_seconds",
    help: "Time from a request's arrival to its response, by operation and outcome.",
    labelNames: ["operation", "outcome"] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly roundTrips = new Counter({
    name: "catalog_db_round_trips_total",
    help: "Queries sent to the database (public reads come from the in-memory snapshot; writes, imports and health checks reach the database).",
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: "catalog_refusals_total",
    help: `Operations and connections refused, by reason (${REFUSAL_REASONS.join(", ")}).`,
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  private readonly cacheLookups = new Counter({
    name: "catalog_response_cache_total",
    help: "Response cache lookups for anonymous reads, by result (hit or miss).",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });

  constructor() {
    // Known label values start at 0, so a rate over them exists before the first refusal or cache miss.
    for (const reason of REFUSAL_REASONS) this.refusals.inc({ reason }, 0);
    this.cacheLookups.inc({ result: "hit" }, 0);
    this.cacheLookups.inc({ result: "miss" }, 0);
  }

  /**
   * Counts one finished request and its duration. `operation` is the operation name Apollo resolved
   * (undefined or null when the operation has none, {@link NOT_GRAPHQL} for other routes). A name that is
   * not a GraphQL name, is longer than {@link MAX_OPERATION_NAME_LENGTH}, or comes after
   * {@link MAX_OPERATION_NAMES} distinct ones is counted as "other", so a client cannot grow the metrics;
   * pass the resolved name, not the request's unchecked `operationName`, lest made-up names use the slots.
   */
  observeRequest(request: { operation: string | null | undefined; outcome: RequestOutcome; durationMs: number }): void {
    const labels = { operation: this.operationLabel(request.operation), outcome: request.outcome };
    this.requests.inc(labels);
    this.durations.observe(labels, request.durationMs / 1000);
  }

  /** Counts one refusal; `reason` is one of {@link REFUSAL_REASONS} (any string is accepted and counted). */
  refused(reason: RefusalReason | (string & {})): void {
    this.refusals.inc({ reason });
  }

  /** Counts one response cache lookup as a hit or a miss. */
  cacheLookup(hit: boolean): void {
    this.cacheLookups.inc({ result: hit ? "hit" : "miss" });
  }

  /** Counts one query sent to the database. */
  databaseRoundTrip(): void {
    this.roundTrips.inc();
  }

  /** The /metrics response: this instance's metrics and the process's, in Prometheus' text format. */
  async render(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([this.registry, processRegistry()]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  private operationLabel(operation: string | null | undefined): string {
    if (operation === undefined || operation === null || operation === "") return ANONYMOUS_OPERATION;
    if (operation === NOT_GRAPHQL) return NOT_GRAPHQL;
    if (this.operations.has(operation)) return operation;
    if (operation.length > MAX_OPERATION_NAME_LENGTH || !GRAPHQL_NAME.test(operation) || this.operations.size >= MAX_OPERATION_NAMES) return OTHER_OPERATION;
    this.operations.add(operation);
    return operation;
  }
}

// collectDefaultMetrics starts an event-loop delay monitor and a GC observer that cannot be stopped, so it
// runs once per process rather than once per CatalogMetrics (tests start and stop many servers).
let processMetrics: Registry | undefined;
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}
