/** How a request ended, for the access log and the metrics: a closed set, so metrics stay bounded. */
export type RequestOutcome = "ok" | "graphql_error" | "refused" | "rate_limited" | "bad_request" | "not_found" | "server_error";

/** What the HTTP layer learns about one request while serving it; logged once as its access line. */
export interface RequestRecord {
  requestId: string;
  method: string;
  path: string;
  /** The GraphQL operation's name, when the request names one. */
  operationName?: string;
  outcome: RequestOutcome;
  /** The measured cost of an admitted operation. */
  cost?: number;
  /** Which limit refused it (depth, cost, payloadTooLarge, rateLimited...). */
  refusal?: string;
  /** Whether the response cache answered it. */
  cache?: "hit" | "miss";
}
