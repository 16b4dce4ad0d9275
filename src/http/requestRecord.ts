import type { RequestOutcome } from "./metrics";

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
  /** Set when /graphql served something other than an operation (the playground page). */
  served?: "playground";
  /** Whether the response cache answered it. */
  cache?: "hit" | "miss";
}
