// The catalog's read models: rows as services return them, free of database and GraphQL types.
import type { CapabilityLevel, LifecycleStatus, PriceKind, PriceMode, PriceUnit } from "../ingest/observation";

export type { CapabilityLevel, LifecycleStatus, PriceKind, PriceMode, PriceUnit };
export type DatePrecision = "YEAR" | "MONTH" | "DAY";

export interface ModelView {
  id: string;
  name: string;
  authorId: string | null;
  family: string | null;
  description: string | null;
  snapshot: string | null;
  /** ISO day; with its precision a month-precise date is its first day. */
  releaseDate: string | null;
  releaseDatePrecision: DatePrecision | null;
  lastUpdated: string | null;
  knowledgeCutoff: string | null;
  knowledgeCutoffPrecision: DatePrecision | null;
  openWeights: boolean | null;
  license: string | null;
  languages: string[];
  languageCount: number | null;
  inputModalities: string[];
  outputModalities: string[];
  contextWindow: number | null;
  maxInputTokens: number | null;
  maxOutputTokens: number | null;
  status: LifecycleStatus;
  deprecationDate: string | null;
  retirementDate: string | null;
  /** An exact decimal string. */
  qualityIndex: string | null;
  huggingFaceId: string | null;
  tokenizer: string | null;
  version: number;
  updatedAt: Date;
}

export interface OfferingView {
  id: string;
  providerId: string;
  modelId: string;
  providerModelId: string;
  name: string | null;
  contextWindow: number | null;
  maxInputTokens: number | null;
  maxOutputTokens: number | null;
  billingTierThresholds: number[];
  /** What this offering accepts and returns where its provider's documents differ from the model's; null: as the model. */
  inputModalities: string[] | null;
  outputModalities: string[] | null;
  deploymentTypes: string[];
  regions: string[];
  status: LifecycleStatus;
  deprecationDate: string | null;
  retirementDate: string | null;
  version: number;
}

export interface PriceView {
  id: string;
  offeringId: string;
  kind: PriceKind;
  unit: PriceUnit;
  mode: PriceMode;
  /** The tier applies to requests whose prompt is longer than this many tokens; 0 for the base tier. */
  contextAbove: number;
  tierRule: "WHOLE_REQUEST";
  /** An exact decimal string without trailing zeros ("0.4"). */
  amount: string;
  currency: string;
  validFrom: Date;
  validTo: Date | null;
  sourceId: string | null;
  reason: string | null;
  version: number;
}

export interface CapabilityValue {
  key: string;
  level: CapabilityLevel;
}

export type ProviderKind = "FIRST_PARTY" | "CLOUD" | "AGGREGATOR" | "INFERENCE_HOST" | "OTHER";

export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  docsUrl: string | null;
  apiUrl: string | null;
  apiKeyEnvVars: string[];
  sdkPackage: string | null;
  statusPageUrl: string | null;
  privacyPolicyUrl: string | null;
  trainsOnData: boolean | null;
  dataRetentionDays: number | null;
  headquarters: string | null;
  version: number;
}

export interface AuthorView {
  id: string;
  name: string;
  url: string | null;
  description: string | null;
  version: number;
}

export type { SourceFormat } from "./reconcile/precedence";
import type { SourceFormat } from "./reconcile/precedence";

export interface SourceView {
  id: string;
  format: SourceFormat;
  uri: string;
  title: string | null;
  contentHash: string;
  sizeBytes: number;
  importedAt: Date;
}

export interface CapabilityDefinitionView {
  key: string;
  name: string;
  category: string;
  description: string | null;
}

export interface BenchmarkView {
  modelId: string;
  name: string;
  /** An exact decimal string. */
  score: string;
  unit: string | null;
  sourceId: string | null;
}
