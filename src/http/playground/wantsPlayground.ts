import type http from "node:http";

const GRAPHQL_RESPONSE_TYPES = ["application/graphql-response+json", "application/json"];

/**
 * True for a browser opening `/graphql`: a GET without a `query` parameter whose Accept header ranks
 * `text/html` above every GraphQL response type. GraphiQL and other clients sending a GET with `query=`,
 * or asking for JSON, or taking any type alike, still reach GraphQL.
 */
export function wantsPlayground(request: http.IncomingMessage, url: URL): boolean {
  if (request.method !== "GET" || url.searchParams.has("query")) return false;
  const ranges = parseAccept(request.headers.accept ?? "");
  const html = qualityOf("text/html", ranges);
  return html > 0 && GRAPHQL_RESPONSE_TYPES.every((type) => qualityOf(type, ranges) < html);
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header.split(",").flatMap((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(";");
    const [type, subtype] = range.trim().split("/");
    if (!type || !subtype) return [];
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q }] : [];
  });
}

/** RFC 9110 §12.5.1: the most specific matching range decides (an exact type, then `type/` + wildcard, then any). */
function qualityOf(mediaType: string, ranges: MediaRange[]): number {
  const [type, subtype] = mediaType.split("/");
  let best: { specificity: number; q: number } | undefined;
  for (const range of ranges) {
    const specificity = range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === "*" ? 1 : range.type === "*" && range.subtype === "*" ? 0 : -1;
    if (specificity >= 0 && (!best || specificity > best.specificity)) best = { specificity, q: range.q };
  }
  return best?.q ?? 0;
}
