import crypto from "node:crypto";
import type { Representation } from "./representation";

export interface ResponseCacheLimits {
  /** At most this many answers per version. */
  entries: number;
  /** At most this many bytes of answers per version. */
  bytes: number;
}

/**
 * Answers of anonymous read-only queries, kept for as long as the catalog version they were computed
 * from is the current one. The read model's snapshot is immutable, so the same query with the same
 * variables on the same snapshot has the same answer: serving those bytes again skips parsing,
 * validation, execution and serialisation. A write swaps the snapshot, and with it every cached answer
 * is gone at once; an answer computed on a snapshot that is no longer current is never stored.
 * Least recently used answers are dropped past the limits.
 */
export class ResponseCache {
  private version: object | undefined;
  /** Answers with their size in bytes, least recently used first. */
  private readonly entries = new Map<string, { response: Representation; size: number }>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly currentVersion: () => object,
    private readonly limits: ResponseCacheLimits = { entries: 2_000, bytes: 64 * 1024 * 1024 },
  ) {}

  /** The key of a request: method, the URL's query string, the body and what the client accepts. */
  static keyOf(method: string, search: string, body: string, accept: string | undefined): string {
    return crypto.createHash("sha256").update(`${method}\n${search}\n${accept ?? ""}\n${body}`).digest("base64url");
  }

  lookup(key: string): Representation | undefined {
    this.dropIfStale();
    const found = this.entries.get(key);
    if (!found) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    // Re-insert: a Map keeps insertion order, so the first key is always the least recently used.
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.response;
  }

  /**
   * Stores an answer computed on `version`, unless another version has become current since. Its
   * compressed forms are kept with it as clients ask for them.
   */
  store(version: object, key: string, response: Representation): void {
    this.dropIfStale();
    if (version !== this.version) return;
    // Room for the body and its brotli and gzip forms, which JSON shrinks to well under a quarter each.
    const size = Math.ceil(response.body.length * 1.5);
    if (size > this.limits.bytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.size;
      this.entries.delete(key);
    }
    this.entries.set(key, { response, size });
    this.bytes += size;
    while (this.entries.size > this.limits.entries || this.bytes > this.limits.bytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, { size: number }];
      this.entries.delete(oldestKey);
      this.bytes -= oldest.size;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private dropIfStale(): void {
    const current = this.currentVersion();
    if (current === this.version) return;
    this.version = current;
    this.entries.clear();
    this.bytes = 0;
  }
}
