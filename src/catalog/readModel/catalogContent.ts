import { valuesAgree } from "../reconcile/valueAgreement";
import type { CatalogRows, PriceRow, SourceRow } from "../../db/catalogReadRepository";
import type {
  AuthorView,
  BenchmarkView,
  CapabilityDefinitionView,
  CapabilityLevel,
  DatePrecision,
  LifecycleStatus,
  ModelView,
  OfferingView,
  PriceView,
  ProviderView,
  SourceView,
} from "../views";

/** A capability flag of a model or offering, by owner id. */
export interface OwnedCapability {
  ownerId: string;
  key: string;
  level: CapabilityLevel;
}

/** The catalog as the read model holds it: plain views, free of database types. */
export interface CatalogContent {
  authors: AuthorView[];
  providers: ProviderView[];
  models: ModelView[];
  aliases: { alias: string; modelId: string }[];
  offerings: OfferingView[];
  /** Every price row, current and closed. */
  prices: PriceView[];
  modelCapabilities: OwnedCapability[];
  offeringCapabilities: OwnedCapability[];
  capabilityDefinitions: CapabilityDefinitionView[];
  benchmarks: BenchmarkView[];
  sources: SourceView[];
}

/** `@db.Date` columns arrive as UTC midnights; the catalog speaks ISO days. */
function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** Prisma's decimals print without trailing zeros or exponents ("0.4", "0.000015"). */
function decimalText(value: { toFixed(): string } | null): string | null {
  return value === null ? null : value.toFixed();
}

export function toPriceView(row: PriceRow): PriceView {
  return {
    id: row.id,
    offeringId: row.offeringId,
    kind: row.kind,
    unit: row.unit,
    mode: row.mode,
    contextAbove: row.contextAbove,
    tierRule: row.tierRule,
    amount: row.amount.toFixed(),
    currency: row.currency,
    validFrom: row.validFrom,
    validTo: row.validTo,
    sourceId: row.sourceId,
    reason: row.reason,
    version: row.version,
  };
}

export function toSourceView(row: SourceRow): SourceView {
  return { ...row };
}

/** Maps the rows the repository read into the read model's views. */
export function toCatalogContent(rows: CatalogRows): CatalogContent {
  const modalitiesOf = new Map(rows.models.map((m) => [m.id, { input: m.inputModalities, output: m.outputModalities }]));
  return {
    authors: rows.authors.map((a) => ({ id: a.id, name: a.name, url: a.url, description: a.description, version: a.version })),
    providers: rows.providers.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      docsUrl: p.docsUrl,
      apiUrl: p.apiUrl,
      apiKeyEnvVars: p.apiKeyEnvVars,
      sdkPackage: p.sdkPackage,
      statusPageUrl: p.statusPageUrl,
      privacyPolicyUrl: p.privacyPolicyUrl,
      trainsOnData: p.trainsOnData,
      dataRetentionDays: p.dataRetentionDays,
      headquarters: p.headquarters,
      version: p.version,
    })),
    models: rows.models.map(
      (m): ModelView => ({
        id: m.id,
        name: m.name,
        authorId: m.authorId,
        family: m.family,
        description: m.description,
        snapshot: m.snapshot,
        releaseDate: isoDay(m.releaseDate),
        releaseDatePrecision: m.releaseDatePrecision as DatePrecision | null,
        lastUpdated: isoDay(m.lastUpdated),
        knowledgeCutoff: isoDay(m.knowledgeCutoff),
        knowledgeCutoffPrecision: m.knowledgeCutoffPrecision as DatePrecision | null,
        openWeights: m.openWeights,
        license: m.license,
        languages: m.languages,
        languageCount: m.languageCount,
        inputModalities: m.inputModalities,
        outputModalities: m.outputModalities,
        contextWindow: m.contextWindow,
        maxInputTokens: m.maxInputTokens,
        maxOutputTokens: m.maxOutputTokens,
        status: m.status as LifecycleStatus,
        deprecationDate: isoDay(m.deprecationDate),
        retirementDate: isoDay(m.retirementDate),
        qualityIndex: decimalText(m.qualityIndex),
        huggingFaceId: m.huggingFaceId,
        tokenizer: m.tokenizer,
        version: m.version,
        updatedAt: m.updatedAt,
      }),
    ),
    aliases: rows.aliases,
    // An offering's modalities are its own only where they differ from its model's (as sets).
    offerings: rows.offerings.map(
      (o): OfferingView => ({
        id: o.id,
        providerId: o.providerId,
        modelId: o.modelId,
        providerModelId: o.providerModelId,
        name: o.name,
        contextWindow: o.contextWindow,
        maxInputTokens: o.maxInputTokens,
        maxOutputTokens: o.maxOutputTokens,
        billingTierThresholds: o.billingTierThresholds,
        inputModalities: ownList(o.inputModalities, modalitiesOf.get(o.modelId)?.input),
        outputModalities: ownList(o.outputModalities, modalitiesOf.get(o.modelId)?.output),
        deploymentTypes: o.deploymentTypes,
        regions: o.regions,
        status: o.status as LifecycleStatus,
        deprecationDate: isoDay(o.deprecationDate),
        retirementDate: isoDay(o.retirementDate),
        version: o.version,
      }),
    ),
    prices: rows.prices.map(toPriceView),
    modelCapabilities: rows.modelCapabilities.map((c) => ({ ownerId: c.ownerId, key: c.capabilityKey, level: c.level })),
    offeringCapabilities: rows.offeringCapabilities.map((c) => ({ ownerId: c.ownerId, key: c.capabilityKey, level: c.level })),
    capabilityDefinitions: rows.capabilityDefinitions,
    benchmarks: rows.benchmarks.map((b) => ({ modelId: b.modelId, name: b.name, score: b.score.toFixed(), unit: b.unit, sourceId: b.sourceId })),
    sources: rows.sources.map(toSourceView),
  };
}

/**
 * An offering's list where it says something its model's does not: null when empty or the same set, read
 * with the documented synonyms the reconciler uses (OpenRouter's "file" is "pdf").
 */
function ownList(own: string[], model: string[] | undefined): string[] | null {
  if (own.length === 0) return null;
  return model !== undefined && valuesAgree({ value: own }, { value: model }, "set") ? null : own;
}
