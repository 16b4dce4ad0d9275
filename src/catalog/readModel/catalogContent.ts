import { valuesAgree } from "../reconcile/valueAgreement";
import type { CatalogReadRepository, ModelRow, OfferingRow, PriceRow, SourceRow } from "../../db/catalogReadRepository";
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

/** A catalog with nothing in it: the snapshot served before the first build, and the base of made-up ones. */
export function emptyCatalogContent(): CatalogContent {
  return {
    authors: [],
    providers: [],
    models: [],
    aliases: [],
    offerings: [],
    prices: [],
    modelCapabilities: [],
    offeringCapabilities: [],
    capabilityDefinitions: [],
    benchmarks: [],
    sources: [],
  };
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

/** What a rebuild may share with: the snapshot being replaced (only its views are read). */
export interface PreviousViews {
  model(id: string): ModelView | undefined;
  offering(id: string): OfferingView | undefined;
  priceHistory(offeringId: string): readonly PriceView[];
}

/**
 * Reads the catalog into the read model's views, the large tables a page at a time so that only one
 * page of database rows is alive at once. A view equal to the one `previous` holds for the same id is
 * that one: a rebuild shares every unchanged model, offering and price with the snapshot it replaces
 * instead of holding two copies of the catalog until the swap.
 */
export async function readCatalogContent(repository: CatalogReadRepository, previous?: PreviousViews): Promise<CatalogContent> {
  const small = await repository.loadSmallTables();
  // Every row brings its own copy of each string. The ids a row cites are taken from the record they
  // name, and the few distinct values of enum-like columns are kept once: at 100 times the catalog, an
  // offering id per price row and a source id per price row were about 60 bytes each, 1.4 million times.
  const intern = interner();
  const sourceIds = new Map(small.sources.map((s) => [s.id, s.id]));
  const models: ModelView[] = [];
  await repository.forEachModelPage((rows) => {
    for (const row of rows) models.push(shared(compactModel(toModelView(row), intern), previous?.model(row.id)));
  });
  const modelsById = new Map(models.map((m) => [m.id, m]));
  const offerings: OfferingView[] = [];
  await repository.forEachOfferingPage((rows) => {
    for (const row of rows) {
      const model = modelsById.get(row.modelId);
      const view = toOfferingView(row, model);
      view.modelId = model?.id ?? view.modelId;
      view.providerId = intern(view.providerId);
      view.status = intern(view.status);
      offerings.push(shared(view, previous?.offering(row.id)));
    }
  });
  const offeringsById = new Map(offerings.map((o) => [o.id, o]));
  const prices: PriceView[] = [];
  await repository.forEachPricePage((rows) => {
    for (const row of rows) {
      const view = toPriceView(row);
      view.offeringId = offeringsById.get(view.offeringId)?.id ?? view.offeringId;
      view.sourceId = view.sourceId === null ? null : (sourceIds.get(view.sourceId) ?? view.sourceId);
      view.kind = intern(view.kind);
      view.unit = intern(view.unit);
      view.mode = intern(view.mode);
      view.currency = intern(view.currency);
      view.tierRule = intern(view.tierRule);
      view.reason = view.reason === null ? null : intern(view.reason);
      prices.push(previous ? shared(view, previous.priceHistory(row.offeringId).find((p) => p.id === row.id)) : view);
    }
  });
  const modelCapabilities: OwnedCapability[] = [];
  await repository.forEachModelCapabilityPage((rows) => {
    for (const c of rows) modelCapabilities.push({ ownerId: modelsById.get(c.ownerId)?.id ?? c.ownerId, key: intern(c.capabilityKey), level: intern(c.level) });
  });
  return {
    authors: small.authors.map((a) => ({ id: a.id, name: a.name, url: a.url, description: a.description, version: a.version })),
    providers: small.providers.map((p) => ({
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
    models,
    aliases: small.aliases,
    offerings,
    prices,
    modelCapabilities,
    offeringCapabilities: small.offeringCapabilities.map((c) => ({ ownerId: c.ownerId, key: c.capabilityKey, level: c.level })),
    capabilityDefinitions: small.capabilityDefinitions,
    benchmarks: small.benchmarks.map((b) => ({ modelId: b.modelId, name: b.name, score: b.score.toFixed(), unit: b.unit, sourceId: b.sourceId })),
    sources: small.sources.map(toSourceView),
  };
}

function toModelView(m: ModelRow): ModelView {
  return {
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
  };
}

/** An offering's modalities are its own only where they differ from its model's (as sets). */
function toOfferingView(o: OfferingRow, model: ModelView | undefined): OfferingView {
  return {
    id: o.id,
    providerId: o.providerId,
    modelId: o.modelId,
    providerModelId: o.providerModelId,
    name: o.name,
    contextWindow: o.contextWindow,
    maxInputTokens: o.maxInputTokens,
    maxOutputTokens: o.maxOutputTokens,
    billingTierThresholds: o.billingTierThresholds,
    inputModalities: ownList(o.inputModalities, model?.inputModalities),
    outputModalities: ownList(o.outputModalities, model?.outputModalities),
    deploymentTypes: o.deploymentTypes,
    regions: o.regions,
    status: o.status as LifecycleStatus,
    deprecationDate: isoDay(o.deprecationDate),
    retirementDate: isoDay(o.retirementDate),
    version: o.version,
  };
}

/** One copy of each value of the columns that have few (kinds, units, currencies, statuses, licenses). */
function interner(): <T extends string>(value: T) => T {
  const kept = new Map<string, string>();
  return <T extends string>(value: T): T => {
    const known = kept.get(value);
    if (known !== undefined) return known as T;
    kept.set(value, value);
    return value;
  };
}

function compactModel(view: ModelView, intern: ReturnType<typeof interner>): ModelView {
  for (const key of ["authorId", "family", "releaseDate", "releaseDatePrecision", "lastUpdated", "knowledgeCutoff", "knowledgeCutoffPrecision", "license", "tokenizer", "deprecationDate", "retirementDate"] as const) {
    const value = view[key];
    if (value !== null) (view as unknown as Record<string, string>)[key] = intern(value);
  }
  view.status = intern(view.status);
  view.inputModalities = view.inputModalities.map(intern);
  view.outputModalities = view.outputModalities.map(intern);
  return view;
}

/** `before` when it says exactly what `view` says, else `view`. */
function shared<T extends object>(view: T, before: T | undefined): T {
  return before !== undefined && sameFields(view, before) ? before : view;
}

function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b) && !(a instanceof Date) && !(b instanceof Date)) {
    return sameFields(a, b);
  }
  return false;
}

/**
 * An offering's list where it says something its model's does not: null when empty or the same set, read
 * with the documented synonyms the reconciler uses (OpenRouter's "file" is "pdf").
 */
function ownList(own: string[], model: string[] | undefined): string[] | null {
  if (own.length === 0) return null;
  return model !== undefined && valuesAgree({ value: own }, { value: model }, "set") ? null : own;
}
