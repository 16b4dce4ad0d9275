import { registerEnumType } from "type-graphql";
import type { SourceFormat as CatalogSourceFormat } from "../../catalog/views";
import { ADMIN_SOURCE_FORMAT, DOCUMENT_FORMATS } from "../../ingest/formatRegistry";

// GraphQL enums for the catalog's closed sets; the values are the domain's own strings.

export enum PriceKind {
  INPUT = "INPUT",
  OUTPUT = "OUTPUT",
  CACHED_INPUT = "CACHED_INPUT",
  CACHE_WRITE = "CACHE_WRITE",
  REASONING = "REASONING",
  INPUT_AUDIO = "INPUT_AUDIO",
  OUTPUT_AUDIO = "OUTPUT_AUDIO",
  INPUT_IMAGE = "INPUT_IMAGE",
  OUTPUT_IMAGE = "OUTPUT_IMAGE",
  REQUEST = "REQUEST",
  WEB_SEARCH = "WEB_SEARCH",
}
registerEnumType(PriceKind, {
  name: "PriceKind",
  description: "What a price is charged for.",
  valuesConfig: {
    INPUT: { description: "Prompt tokens not read from a cache." },
    OUTPUT: { description: "Completion tokens." },
    CACHED_INPUT: { description: "Prompt tokens read from the prompt cache." },
    CACHE_WRITE: { description: "Prompt tokens written to the prompt cache." },
    REASONING: { description: "Reasoning (thinking) tokens, where billed apart from output." },
    INPUT_AUDIO: { description: "Audio input tokens." },
    OUTPUT_AUDIO: { description: "Audio output tokens." },
    INPUT_IMAGE: { description: "Input images." },
    OUTPUT_IMAGE: { description: "Generated images." },
    REQUEST: { description: "A fee per request." },
    WEB_SEARCH: { description: "A web search the model runs." },
  },
});

export enum PriceUnit {
  PER_1M_TOKENS = "PER_1M_TOKENS",
  PER_IMAGE = "PER_IMAGE",
  PER_REQUEST = "PER_REQUEST",
  PER_1K_REQUESTS = "PER_1K_REQUESTS",
  PER_SECOND = "PER_SECOND",
  PER_MINUTE = "PER_MINUTE",
}
registerEnumType(PriceUnit, { name: "PriceUnit", description: "What quantity a price amount is for." });

export enum PriceMode {
  STANDARD = "STANDARD",
  BATCH = "BATCH",
  PRIORITY = "PRIORITY",
  FLEX = "FLEX",
  FAST = "FAST",
}
registerEnumType(PriceMode, {
  name: "PriceMode",
  description: "The service tier a price applies to.",
  valuesConfig: {
    STANDARD: { description: "Regular, synchronous requests." },
    BATCH: { description: "Asynchronous batch jobs." },
    PRIORITY: { description: "Priority processing." },
    FLEX: { description: "Flexible, slower processing." },
    FAST: { description: "A faster, dearer mode (e.g. models.dev's experimental fast mode)." },
  },
});

export enum LifecycleStatus {
  ACTIVE = "ACTIVE",
  PREVIEW = "PREVIEW",
  DEPRECATED = "DEPRECATED",
  RETIRED = "RETIRED",
}
registerEnumType(LifecycleStatus, { name: "LifecycleStatus", description: "Where a model or offering is in its life." });

export enum CapabilityLevel {
  SUPPORTED = "SUPPORTED",
  NOT_SUPPORTED = "NOT_SUPPORTED",
  CORE = "CORE",
}
registerEnumType(CapabilityLevel, {
  name: "CapabilityLevel",
  description: "How a model has a capability.",
  valuesConfig: { CORE: { description: "A core request parameter of the API, always supported (Starmap's \"core\")." } },
});

export enum DatePrecision {
  YEAR = "YEAR",
  MONTH = "MONTH",
  DAY = "DAY",
}
registerEnumType(DatePrecision, { name: "DatePrecision", description: "How exact a date is: a month-precise date is shown as its first day." });

/** Every registered document format's source format, then ADMIN: derived from the format registry, never listed here. */
export const SourceFormat = Object.fromEntries(
  [...DOCUMENT_FORMATS.formats.map((f) => f.sourceFormat), ADMIN_SOURCE_FORMAT].map((format) => [format, format]),
) as { readonly [F in CatalogSourceFormat]: F };
export type SourceFormat = CatalogSourceFormat;
registerEnumType(SourceFormat, { name: "SourceFormat", description: "The kind of document a source is." });

export enum EntityType {
  AUTHOR = "AUTHOR",
  PROVIDER = "PROVIDER",
  MODEL = "MODEL",
  OFFERING = "OFFERING",
}
registerEnumType(EntityType, { name: "EntityType", description: "The kind of catalog record a fact is about." });

export enum ProviderKind {
  FIRST_PARTY = "FIRST_PARTY",
  CLOUD = "CLOUD",
  AGGREGATOR = "AGGREGATOR",
  INFERENCE_HOST = "INFERENCE_HOST",
  OTHER = "OTHER",
}
registerEnumType(ProviderKind, {
  name: "ProviderKind",
  description: "What kind of provider serves models.",
  valuesConfig: {
    FIRST_PARTY: { description: "The model's own maker (OpenAI serving GPT models)." },
    CLOUD: { description: "A cloud platform (Microsoft Foundry, Amazon Bedrock, Google Vertex AI)." },
    AGGREGATOR: { description: "A router reselling other providers' offerings (OpenRouter)." },
    INFERENCE_HOST: { description: "An independent inference host." },
    OTHER: { description: "Not stated by any document." },
  },
});

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, { name: "OrderDirection", description: "Ascending (cheapest, oldest, A first) or descending." });
