/**
 * The entries of a comma-separated header whose entries may carry a `;q=` weight (Accept,
 * Accept-Encoding), lower-cased and trimmed, each with its weight: 1 without one, NaN for one that is
 * not a number (each caller decides what such an entry means).
 */
export function weightedEntries(header: string | string[] | undefined): { value: string; q: number }[] {
  const text = Array.isArray(header) ? header.join(",") : header;
  if (!text) return [];
  return text.split(",").map((part) => {
    const [value, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    return { value: value.trim(), q: q === undefined ? 1 : Number(q.slice(2)) };
  });
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

/** The media ranges of an Accept header; a range without a subtype or with an unreadable weight is left out. */
export function parseAccept(header: string | undefined): MediaRange[] {
  return weightedEntries(header).flatMap(({ value, q }) => {
    const [type, subtype] = value.split("/");
    return type && subtype && Number.isFinite(q) ? [{ type, subtype, q }] : [];
  });
}

/** RFC 9110 §12.5.1: the most specific matching range decides (an exact type, then `type/` + wildcard, then any); 0 when none matches. */
export function qualityOf(mediaType: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = mediaType.split("/");
  let best: { specificity: number; q: number } | undefined;
  for (const range of ranges) {
    const specificity = range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === "*" ? 1 : range.type === "*" && range.subtype === "*" ? 0 : -1;
    if (specificity >= 0 && (!best || specificity > best.specificity)) best = { specificity, q: range.q };
  }
  return best?.q ?? 0;
}
