import { Extensions } from "type-graphql";

/**
 * How long (seconds) a client or a shared cache may reuse an anonymous answer that selects a type or
 * field, before asking again. An answer's `Cache-Control: public, max-age` is the least hint of what
 * it selects (operationCost.ts); an answer that selects nothing hinted gets 0. Reuse past a write is the
 * price of a max-age, so the ages are short; a client that asks again with the answer's ETag gets
 * 304 only while the answer is still exactly what it was, never after a committed write changed it.
 */
export const CACHE_HINTS = {
  /**
   * Models, offerings' limits, providers, authors, capabilities, sources, provenance: changed by
   * imports and record edits, a few times a day.
   */
  catalogRecord: 60,
  /** Prices and what is computed from them (estimates, comparisons, model lists ordered or filtered by price): admins change them at any time. */
  price: 10,
  /** Health, the audit log, a write's answer: about this instant or about one client. */
  never: 0,
} as const;

/** Declares a type's or field's hint (see CACHE_HINTS). */
export const CacheHint = (seconds: number): MethodDecorator & PropertyDecorator & ClassDecorator => Extensions({ cacheMaxAge: seconds });
