import type http from "node:http";
import { parseAccept, qualityOf } from "../weightedHeader";

const GRAPHQL_RESPONSE_TYPES = ["application/graphql-response+json", "application/json"];

/**
 * True for a browser opening `/graphql`: a GET without a `query` parameter whose Accept header ranks
 * `text/html` above every GraphQL response type. GraphiQL and other clients sending a GET with `query=`,
 * or asking for JSON, or taking any type alike, still reach GraphQL.
 */
export function wantsPlayground(request: http.IncomingMessage, url: URL): boolean {
  if (request.method !== "GET" || url.searchParams.has("query")) return false;
  const ranges = parseAccept(request.headers.accept);
  const html = qualityOf("text/html", ranges);
  return html > 0 && GRAPHQL_RESPONSE_TYPES.every((type) => qualityOf(type, ranges) < html);
}
