import type http from "node:http";

/**
 * Which page origins may call the API from a browser: any (`"*"`, the default of a public read API), or
 * a list of exact origins (`https://app.example.com`).
 */
export type CorsOrigins = "*" | readonly string[];

/** Request headers a page may send when its preflight names none: what GraphQL clients send, and the credentials header. */
const ALLOWED_HEADERS = ["accept", "authorization", "content-type", "x-request-id"];
/** Response headers a page may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = ["etag", "retry-after", "x-request-id", "x-catalog-cache", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"];
/** How long a browser may keep a preflight's answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 7_200;

/**
 * CORS for every route. Credentials travel only in the `Authorization` header, never in cookies, so no
 * request is made with credentials the page did not put there itself: that is why `*` is a safe default
 * and why `Access-Control-Allow-Credentials` is never sent. A preflight from an origin not on the list
 * gets 403 with the reason; a simple request from one is served without CORS headers, so its page
 * cannot read the answer.
 * @returns true when the request was a preflight and has been answered.
 */
export function applyCors(origins: CorsOrigins, request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const origin = request.headers.origin;
  const allowed = origin !== undefined && (origins === "*" || origins.includes(origin));
  if (origins !== "*") response.appendHeader("vary", "Origin");
  const preflight = request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
  if (allowed) {
    response.setHeader("access-control-allow-origin", origins === "*" ? "*" : origin);
    if (!preflight) response.setHeader("access-control-expose-headers", EXPOSED_HEADERS.join(", "));
  }
  if (!preflight) return false;
  if (!allowed) {
    response.statusCode = 403;
    response.setHeader("content-type", "application/json; charset=utf-8");
    response.end(JSON.stringify({ error: `Cross-origin requests from ${origin ?? "a page without an Origin"} are not allowed; the server's CATALOG_CORS_ORIGINS lists the origins that are` }));
    return true;
  }
  response.statusCode = 204;
  response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  // Whatever headers the page asks to send are allowed: none of them can carry credentials the page did
  // not hold already, and GraphQL clients each add their own (apollographql-client-name, x-apollo-*...).
  const asked = request.headers["access-control-request-headers"];
  response.setHeader("access-control-allow-headers", asked && /^[\w-]+(\s*,\s*[\w-]+)*$/.test(asked) ? asked : ALLOWED_HEADERS.join(", "));
  response.setHeader("access-control-max-age", String(PREFLIGHT_MAX_AGE_SECONDS));
  response.end();
  return true;
}
