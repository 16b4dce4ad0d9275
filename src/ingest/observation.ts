// What a parser returns: typed facts about authors, providers, models and offerings, each value with
// the place in the document that stated it. Parsers are pure; nothing here touches a database.

/** A document format's id ("models-dev"): one of the registry's (formatRegistry.ts), where the set is declared once. */
export type { DocumentFormat } from "./formatRegistry";
import type { DocumentFormat } from "./formatRegistry";

/** How much of a date or number a document gave: a month-precise date, or a display-rounded count. */
export type Precision = "year" | "month" | "day" | "rounded";

/** One value as a document stated it. */
export interface Stated<T> {
  value: T;
  /**
   * "L23" for a line of text or markdown; "data[3].pricing.prompt" for a JSON or TOML key path; "" only for
   * a value the document states as a whole, by its path or by being of its format, at no place in it: the
   * author of a models.dev author file (its folder, models/<author>/), the provider whose list or card an
   * OpenRouter list or a Foundry card is (its name and kind). The conformance suite allows "" there only.
   */
  locator: string;
  /** The text as written, when it differs from the normalized value ("1.0M tokens", "0.0000004"). */
  raw?: string;
  precision?: Precision;
  /** For a "rounded" count, the unit of the last digit shown ("1.0M" → 100000, "32k" → 1000). */
  step?: number;
}

// The closed sets, in their display order; the types are derived from them so the two cannot drift.
export const CAPABILITY_LEVELS = ["SUPPORTED", "NOT_SUPPORTED", "CORE"] as const;
export const PRICE_KINDS = [
  "INPUT", "OUTPUT", "CACHED_INPUT", "CACHE_WRITE", "REASONING", "INPUT_AUDIO", "OUTPUT_AUDIO",
  "INPUT_IMAGE", "OUTPUT_IMAGE", "REQUEST", "WEB_SEARCH",
] as const;
export const PRICE_UNITS = ["PER_1M_TOKENS", "PER_IMAGE", "PER_REQUEST", "PER_1K_REQUESTS", "PER_SECOND", "PER_MINUTE"] as const;
export const PRICE_MODES = ["STANDARD", "BATCH", "PRIORITY", "FLEX", "FAST"] as const;

export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];
export type LifecycleStatus = "ACTIVE" | "PREVIEW" | "DEPRECATED" | "RETIRED";
export type PriceKind = (typeof PRICE_KINDS)[number];
export type PriceUnit = (typeof PRICE_UNITS)[number];
export type PriceMode = (typeof PRICE_MODES)[number];

/** Whether `value` is one of a closed set's members. */
export function isOneOf<T extends string>(set: readonly T[], value: unknown): value is T {
  return (set as readonly unknown[]).includes(value);
}

/** Model-level facts, provider-independent. Dates are ISO ("2024-04" or "2024-04-01"). */
export interface ModelFields {
  name?: Stated<string>;
  family?: Stated<string>;
  description?: Stated<string>;
  snapshot?: Stated<string>;
  releaseDate?: Stated<string>;
  lastUpdated?: Stated<string>;
  knowledgeCutoff?: Stated<string>;
  openWeights?: Stated<boolean>;
  license?: Stated<string>;
  languages?: Stated<string[]>;
  languageCount?: Stated<number>;
  inputModalities?: Stated<string[]>;
  outputModalities?: Stated<string[]>;
  contextWindow?: Stated<number>;
  maxInputTokens?: Stated<number>;
  maxOutputTokens?: Stated<number>;
  status?: Stated<LifecycleStatus>;
  deprecationDate?: Stated<string>;
  retirementDate?: Stated<string>;
  qualityIndex?: Stated<string>;
  huggingFaceId?: Stated<string>;
  tokenizer?: Stated<string>;
}

export interface ModelObservation {
  /** The id the document uses for the model ("gpt-4.1-mini", "openai/gpt-4.1-mini"); identity is resolved later. */
  ref: string;
  authorId?: Stated<string>;
  /** Other ids the document gives for the same model (a dated snapshot slug). */
  aliases: string[];
  fields: ModelFields;
  capabilities: Record<string, Stated<CapabilityLevel>>;
  /** Sections the document has but leaves empty ("The provider has not supplied this information."): unknown, never a value. */
  unstated?: { section: string; locator: string }[];
  benchmarks?: BenchmarkObservation[];
}

export interface BenchmarkObservation {
  name: string;
  /** An exact decimal string. */
  score: string;
  metric?: string;
  url?: string;
  /** ISO date the score was published or measured. */
  date?: string;
  locator: string;
}

export interface PriceObservation {
  kind: PriceKind;
  unit: PriceUnit;
  mode: PriceMode;
  /** The tier applies to prompts longer than this many tokens; 0 for the base tier. */
  contextAbove: number;
  /** An exact decimal string, never a float. */
  amount: string;
  currency: string;
  locator: string;
  raw?: string;
}

export interface OfferingFields {
  name?: Stated<string>;
  contextWindow?: Stated<number>;
  maxInputTokens?: Stated<number>;
  maxOutputTokens?: Stated<number>;
  status?: Stated<LifecycleStatus>;
  /** Prompt sizes (tokens) past which the provider bills at other prices, where a document states the split but not the prices. */
  billingTierThresholds?: Stated<number[]>;
  deprecationDate?: Stated<string>;
  retirementDate?: Stated<string>;
}

export interface OfferingObservation {
  providerId: string;
  providerModelId: string;
  /** The model this offering serves, as the document names it. */
  modelRef: string;
  fields: OfferingFields;
  capabilities: Record<string, Stated<CapabilityLevel>>;
  prices: PriceObservation[];
}

export interface ProviderObservation {
  id: string;
  name?: Stated<string>;
  kind?: Stated<"FIRST_PARTY" | "CLOUD" | "AGGREGATOR" | "INFERENCE_HOST" | "OTHER">;
  docsUrl?: Stated<string>;
  apiUrl?: Stated<string>;
  apiKeyEnvVars?: Stated<string[]>;
  sdkPackage?: Stated<string>;
  statusPageUrl?: Stated<string>;
  privacyPolicyUrl?: Stated<string>;
  trainsOnData?: Stated<boolean>;
  dataRetentionDays?: Stated<number>;
  headquarters?: Stated<string>;
}

export interface AuthorObservation {
  id: string;
  name?: Stated<string>;
  url?: Stated<string>;
  description?: Stated<string>;
}

/**
 * A closed set: every record-level problem an import reports. Parsers report all but OUT_OF_RANGE, which
 * the loader reports for a value a document states well but the catalog cannot hold (a price of 1e12 or
 * more per unit, past Price.amount's DECIMAL(24,12)).
 */
export type ParseIssueCode =
  | "MISSING_FIELD"
  | "INVALID_NUMBER"
  | "NEGATIVE_PRICE"
  | "OUT_OF_RANGE"
  | "INVALID_DATE"
  | "UNKNOWN_VALUE"
  | "SKIPPED_RECORD"
  | "DANGLING_LINK"
  /** A key the format defines and the parser read, for which the catalog has no place (Perplexity's citation-token price): reported, so nothing is dropped silently. */
  | "NOT_STORED";

export interface ParseIssue {
  code: ParseIssueCode;
  message: string;
  locator?: string;
}

export interface ParsedDocument {
  format: DocumentFormat;
  origin: string;
  authors: AuthorObservation[];
  providers: ProviderObservation[];
  models: ModelObservation[];
  offerings: OfferingObservation[];
  issues: ParseIssue[];
  /** Other documents this one links to, as paths relative to the data set's root, for the importer to check. */
  links: { target: string; locator: string }[];
}

/** A document with nothing in it yet, for a parser to fill. */
export function emptyDocument(format: DocumentFormat, origin: string): ParsedDocument {
  return { format, origin, authors: [], providers: [], models: [], offerings: [], issues: [], links: [] };
}

/** A document that cannot be read at all; record-level problems are issues, not errors. */
export class ParseError extends Error {
  constructor(readonly origin: string, readonly reason: string, readonly line?: number) {
    super(`${origin}${line !== undefined ? `:${line}` : ""}: ${reason}`);
    this.name = "ParseError";
  }
}
