// One request to a contender, and the check that decides whether its answer is a successful one.

export interface HttpAnswer {
  status: number;
  body: string;
  /** Response headers that tell a cache answered (x-...cache..., age), as "name: value". */
  cacheHeaders?: string[];
}

function cacheHeaders(headers: Headers): string[] {
  return [...headers].filter(([name]) => /^x-.*cache/.test(name) || name === "age").map(([name, value]) => `${name}: ${value}`);
}

/** POSTs a JSON body; rejects on a network error or after `timeoutMs`. */
export async function postJson(url: string, body: string, timeoutMs = 30_000): Promise<HttpAnswer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body, signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, body: await response.text(), cacheHeaders: cacheHeaders(response.headers) };
}

export async function getText(url: string, timeoutMs = 30_000): Promise<HttpAnswer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, body: await response.text() };
}

/**
 * Why an answer is not a successful GraphQL result (a non-2xx status, a body that is not JSON, an
 * `errors` entry, or no `data`), or undefined when it is one.
 */
export function failureOf(answer: HttpAnswer): string | undefined {
  if (answer.status < 200 || answer.status > 299) return `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
  let parsed: { data?: unknown; errors?: { message?: string }[] };
  try {
    parsed = JSON.parse(answer.body) as typeof parsed;
  } catch {
    return `not JSON: ${answer.body.slice(0, 300)}`;
  }
  if (parsed.errors && parsed.errors.length > 0) return `errors: ${parsed.errors.map((e) => e.message).join("; ").slice(0, 300)}`;
  if (parsed.data === undefined || parsed.data === null) return "no data";
  return undefined;
}

/** Whether two answers hold the same JSON value (key order aside). */
export function sameJson(a: string, b: string): boolean {
  return canonical(dataOf(JSON.parse(a))) === canonical(dataOf(JSON.parse(b)));
}

/** The answer without `extensions`: ours reports each operation's cost there, the anchors nothing. */
function dataOf(answer: unknown): unknown {
  if (!answer || typeof answer !== "object" || Array.isArray(answer)) return answer;
  const { extensions: _extensions, ...rest } = answer as Record<string, unknown>;
  return rest;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
