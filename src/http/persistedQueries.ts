import crypto from "node:crypto";

/** Queries remembered by hash; past it, the least recently used are forgotten (clients then resend the text). */
const REMEMBERED = 5_000;

export type PersistedQueryOutcome =
  /** The request names no persisted query: nothing to do. */
  | { kind: "none" }
  /** The request's query text, known or given (with `extensions.persistedQuery` removed). */
  | { kind: "query"; query: string; register?: string }
  /** A hash the server does not know: the client should send the text along with it once. */
  | { kind: "notFound" }
  | { kind: "invalid"; message: string };

/**
 * Automatic persisted queries (Apollo's APQ protocol, spoken by Apollo Client, urql and Relay's
 * helpers): a client sends the SHA-256 of its query instead of the text; an unknown hash is answered
 * PERSISTED_QUERY_NOT_FOUND and the client sends the text with the hash once. Done here, not by Apollo,
 * so that a query reached by its hash passes the same operation gate, rate limits and caching as one
 * sent in full, and so that only admitted queries are ever remembered. A GET by hash is a short URL a
 * CDN can cache.
 */
export class PersistedQueries {
  private readonly queries = new Map<string, string>();

  /**
   * What a request's `extensions.persistedQuery` asks for. `extensions` is the parsed object of a POST
   * body or of a GET's `extensions` parameter; `query` is the text it came with, if any.
   */
  resolve(query: unknown, extensions: unknown): PersistedQueryOutcome {
    const persisted = (extensions as { persistedQuery?: unknown } | null | undefined)?.persistedQuery;
    if (persisted === undefined || persisted === null) return { kind: "none" };
    const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
    if (version !== 1) return { kind: "invalid", message: "Unsupported persisted query version; this server speaks version 1" };
    if (typeof sha256Hash !== "string" || !/^[0-9a-f]{64}$/i.test(sha256Hash)) return { kind: "invalid", message: "persistedQuery.sha256Hash must be 64 hexadecimal digits" };
    const hash = sha256Hash.toLowerCase();
    if (typeof query === "string") {
      if (crypto.createHash("sha256").update(query).digest("hex") !== hash) return { kind: "invalid", message: "provided sha does not match query" };
      return { kind: "query", query, register: hash };
    }
    const known = this.queries.get(hash);
    if (known === undefined) return { kind: "notFound" };
    this.queries.delete(hash);
    this.queries.set(hash, known);
    return { kind: "query", query: known };
  }

  /** Remembers an admitted query under its (verified) hash. */
  register(hash: string, query: string): void {
    this.queries.delete(hash);
    this.queries.set(hash, query);
    if (this.queries.size > REMEMBERED) this.queries.delete(this.queries.keys().next().value as string);
  }
}
