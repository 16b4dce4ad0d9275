import Decimal from "decimal.js";
import { capabilityKey } from "../../ingest/capabilityVocabulary";
import { DATE_RANGE, isDecimalText, isIsoDay } from "../../ingest/units";
import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";
import { ValidationError } from "../errors";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import type { LifecycleStatus, ModelView, PriceKind, PriceMode, PriceUnit } from "../views";
import { inclusionKey, type PriceInclusion } from "../offerings/offeringKind";
import { bitsOfOrdinals, countBits, intersectBits, type ModelBits } from "../readModel/modelBits";
import type { SearchMatches } from "../search/searchMatches";

/** What a list of models can be narrowed by; every condition must hold. */
export interface ModelFilter {
  /** Words found in the id, an alias or the name (any case and punctuation), or in the description. */
  search?: string | null;
  ids?: string[] | null;
  authorIds?: string[] | null;
  /** Served by at least one of these providers. */
  providerIds?: string[] | null;
  families?: string[] | null;
  /** Supports (or has as a core parameter) every one of these capabilities. */
  capabilities?: string[] | null;
  inputModalities?: string[] | null;
  outputModalities?: string[] | null;
  minContextWindow?: number | null;
  minMaxOutputTokens?: number | null;
  /**
   * Some offering (of `providerIds`, when given) prices this kind at or below this amount; free and router
   * offerings count only as the list's PriceInclusion says.
   */
  maxPrice?: { kind: PriceKind; amount: string; unit?: PriceUnit | null; mode?: PriceMode | null; currency?: string | null } | null;
  openWeights?: boolean | null;
  releasedAfter?: string | null;
  releasedBefore?: string | null;
  statuses?: LifecycleStatus[] | null;
}

/** The unit a kind is priced in by default. */
export function defaultUnit(kind: PriceKind): PriceUnit {
  if (kind === "REQUEST" || kind === "WEB_SEARCH") return "PER_REQUEST";
  if (kind === "INPUT_IMAGE" || kind === "OUTPUT_IMAGE") return "PER_IMAGE";
  return "PER_1M_TOKENS";
}

/** The models a filter selects, as the indexes narrow them, plus a test for the remaining conditions. */
export interface ModelSelection {
  /** False when the filter selects every model (no condition at all). */
  narrowed: boolean;
  /** How many models every indexed condition allows; null when no indexed condition was given. */
  candidateCount: number | null;
  /** Whether every indexed condition allows the model (true for every model when none was given). */
  isCandidate(model: ModelView): boolean;
  /** Those candidates as models (null when no indexed condition was given); made on first read. */
  readonly candidateModels: readonly ModelView[] | null;
  /** Those candidates as model ordinals (their places in `snapshot.models`), in no promised order; null as `candidateModels`. */
  candidateOrdinals(): Int32Array | null;
  /** The conditions no index answers; true for a model that passes them. */
  test(model: ModelView): boolean;
  /** Whether `test` holds for every model: the filter has only indexed conditions. */
  testsNothing: boolean;
  /**
   * How many models the filter selects, from bits kept per snapshot and condition (modelBits.ts): the
   * catalog's size over 32 in machine words, not a test per candidate. A search alone is its count of matches.
   */
  count(): number;
  /** With a search: its matches, which score each matching model (higher is better). */
  search: SearchMatches | null;
  /** Whether `candidateModels` are in the search index's ranking (best match first, then shorter id, then id). */
  rankedBySearch: boolean;
  /** Canonical provider ids, when the filter names providers (prices are then theirs only). */
  providerIds: string[] | null;
}

/** A set of models one index gives a filter: one of the snapshot's id sets, or a search's matches. */
interface IndexedModels {
  size: number;
  has(model: ModelView): boolean;
  /** Its models; a search's best match first. */
  models(): readonly ModelView[];
  /** Its models' ordinals, in no promised order. */
  ordinals(): Int32Array;
  bits(): ModelBits;
}

function snapshotSet(snapshot: CatalogSnapshot, ids: ReadonlySet<string>): IndexedModels {
  return { size: ids.size, has: (model) => ids.has(model.id), models: () => snapshot.modelsIn(ids), ordinals: () => snapshot.ordinalsIn(ids), bits: () => snapshot.bitsOfSet(ids) };
}

/** A search's matches as a set: looked up by ordinal, never copied into a set of ids or a map of scores. */
function searchSet(snapshot: CatalogSnapshot, matches: SearchMatches): IndexedModels {
  const models = snapshot.models;
  return {
    size: matches.count,
    has: (model) => {
      const ordinal = snapshot.modelOrdinal(model.id);
      return ordinal !== undefined && matches.has(ordinal);
    },
    models: () => {
      const ranked = matches.ranked().ordinals;
      const views: ModelView[] = new Array(ranked.length);
      for (let k = 0; k < ranked.length; k++) views[k] = models[ranked[k]];
      return views;
    },
    ordinals: () => matches.ordinals(),
    bits: () => bitsOfOrdinals(models.length, matches.ordinals()),
  };
}

/**
 * Reads a filter against a snapshot: sets from the indexes (ids and aliases, authors, providers,
 * capabilities, modalities, search) are intersected, smallest first; the other conditions become one
 * test. The price ceiling counts free and router offerings only as `inclusion` says (neither by default).
 * Throws a ValidationError naming the filter field for values that cannot match anything sensibly.
 */
export function selectModels(
  snapshot: CatalogSnapshot,
  filter: ModelFilter | null | undefined,
  inclusion: PriceInclusion = {},
  /** false when no one will rank by the search or ask a model's score: it then finds its matches only (see ModelSearchIndex.matches). */
  { searchScores = true }: { searchScores?: boolean } = {},
): ModelSelection {
  if (!filter) {
    return { narrowed: false, candidateCount: null, isCandidate: () => true, candidateModels: null, candidateOrdinals: () => null, test: () => true, testsNothing: true, count: () => snapshot.models.length, search: null, rankedBySearch: false, providerIds: null };
  }
  const list = (name: string, values: string[] | null | undefined, normalize: (v: string) => string = (v) => v) => {
    if (values == null) return undefined;
    if (values.length > 200) throw new ValidationError(`filter.${name} takes at most 200 values`, `filter.${name}`);
    return [...new Set(values.map(normalize))];
  };
  const count = (name: string, value: number | null | undefined) => {
    if (value == null) return undefined;
    if (!Number.isInteger(value) || value < 0) throw new ValidationError(`filter.${name} must be a whole number of tokens, got ${value}`, `filter.${name}`);
    return value;
  };

  const sets: IndexedModels[] = [];
  const union = (values: string[], setOf: (value: string) => ReadonlySet<string>) => {
    if (values.length === 1) return snapshotSet(snapshot, setOf(values[0]));
    const all = new Set<string>();
    for (const v of values) for (const id of setOf(v)) all.add(id);
    return snapshotSet(snapshot, all);
  };

  let searchMatches: SearchMatches | null = null;
  let searchModels: IndexedModels | null = null;
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw new ValidationError("filter.search is longer than 200 characters", "filter.search");
    searchMatches = snapshot.searchMatches(search, { scored: searchScores });
    searchModels = searchSet(snapshot, searchMatches);
    sets.push(searchModels);
  }
  const ids = list("ids", filter.ids, (v) => v.trim().toLowerCase());
  if (ids) sets.push(snapshotSet(snapshot, new Set(ids.flatMap((name) => snapshot.modelIdFor(name) ?? []))));
  const authors = list("authorIds", filter.authorIds, canonicalAuthorId);
  if (authors) sets.push(union(authors, (a) => snapshot.modelsOfAuthor(a)));
  const providers = list("providerIds", filter.providerIds, canonicalProviderId);
  if (providers) sets.push(union(providers, (p) => snapshot.modelsOfProvider(p)));
  const capabilities = list("capabilities", filter.capabilities, capabilityKey);
  for (const key of capabilities ?? []) sets.push(snapshotSet(snapshot, snapshot.modelsSupporting(key)));
  const inputs = list("inputModalities", filter.inputModalities, (v) => v.trim().toLowerCase());
  for (const modality of inputs ?? []) sets.push(snapshotSet(snapshot, snapshot.modelsWithInputModality(modality)));
  const outputs = list("outputModalities", filter.outputModalities, (v) => v.trim().toLowerCase());
  for (const modality of outputs ?? []) sets.push(snapshotSet(snapshot, snapshot.modelsWithOutputModality(modality)));

  // Each test has a key naming the condition and its values, under which the snapshot keeps its bits.
  const conditions: { key: string; test: (m: ModelView) => boolean }[] = [];
  const addTest = (test: (m: ModelView) => boolean, ...key: unknown[]) => conditions.push({ key: JSON.stringify(key), test });
  const families = list("families", filter.families);
  if (families) {
    const wanted = new Set(families);
    addTest((m) => m.family !== null && wanted.has(m.family), "families", families.sort());
  }
  const minContext = count("minContextWindow", filter.minContextWindow);
  if (minContext !== undefined) addTest((m) => m.contextWindow !== null && m.contextWindow >= minContext, "minContextWindow", minContext);
  const minOutput = count("minMaxOutputTokens", filter.minMaxOutputTokens);
  if (minOutput !== undefined) addTest((m) => m.maxOutputTokens !== null && m.maxOutputTokens >= minOutput, "minMaxOutputTokens", minOutput);
  if (filter.maxPrice) {
    const { kind, amount } = filter.maxPrice;
    if (!isDecimalText(amount) || amount.trim().startsWith("-")) throw new ValidationError(`filter.maxPrice.amount must be a non-negative decimal, got "${amount}"`, "filter.maxPrice.amount");
    const ceiling = new Decimal(amount.trim());
    const unit = filter.maxPrice.unit ?? defaultUnit(kind);
    const mode = filter.maxPrice.mode ?? "STANDARD";
    const currency = (filter.maxPrice.currency ?? "USD").toUpperCase();
    const priceTest = (m: ModelView) =>
      snapshot
        .offeringsOfModel(m.id)
        .some(
          (o) =>
            (!providers || providers.includes(o.providerId)) &&
            snapshot.includesOffering(o.id, inclusion) &&
            snapshot
              .currentPrices(o.id)
              .some((p) => p.contextAbove === 0 && p.kind === kind && p.unit === unit && p.mode === mode && p.currency === currency && ceiling.greaterThanOrEqualTo(p.amount)),
        );
    // The key starts with "price:": a price patch drops its bits.
    conditions.push({ key: "price:" + JSON.stringify(["maxPrice", kind, ceiling.toString(), unit, mode, currency, providers ?? null, inclusionKey(inclusion)]), test: priceTest });
  }
  if (filter.openWeights != null) {
    const openWeights = filter.openWeights;
    addTest((m) => m.openWeights === openWeights, "openWeights", openWeights);
  }
  for (const name of ["releasedAfter", "releasedBefore"] as const) {
    const value = filter[name];
    if (value == null) continue;
    if (!isIsoDay(value)) throw new ValidationError(`filter.${name} must be a date like 2025-04-14 from ${DATE_RANGE.firstDay} to ${DATE_RANGE.lastDay}, got "${value}"`, `filter.${name}`);
    addTest(name === "releasedAfter" ? (m) => m.releaseDate !== null && m.releaseDate >= value : (m) => m.releaseDate !== null && m.releaseDate <= value, name, value);
  }
  if (filter.releasedAfter && filter.releasedBefore && filter.releasedAfter > filter.releasedBefore) {
    throw new ValidationError("filter.releasedAfter is later than filter.releasedBefore", "filter.releasedAfter");
  }
  if (filter.statuses && filter.statuses.length > 0) {
    const statuses = new Set(filter.statuses);
    addTest((m) => statuses.has(m.status), "statuses", [...statuses].sort());
  }

  // Intersected smallest first; a single set is used as it is, not copied (it can hold most of the catalog).
  let candidateCount: number | null = null;
  let isCandidate: (model: ModelView) => boolean = () => true;
  let candidateModels: (() => readonly ModelView[]) | null = null;
  let candidateOrdinals: () => Int32Array | null = () => null;
  // The search's own models come in the index's ranking; intersected from them, the candidates keep it.
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  const rankedBySearch = searchModels !== null && smallest === searchModels;
  if (sets.length === 1) {
    candidateCount = smallest.size;
    isCandidate = smallest.has;
    // Made when read: an estimate takes the ordinals alone, not the search's models in their ranking.
    candidateModels = smallest.models;
    candidateOrdinals = smallest.ordinals;
  } else if (sets.length > 1) {
    const both: ModelView[] = [];
    for (const model of smallest.models()) if (others.every((s) => s.has(model))) both.push(model);
    candidateCount = both.length;
    isCandidate = (model) => sets.every((s) => s.has(model));
    candidateModels = () => both;
    candidateOrdinals = () => Int32Array.from(both, (model) => snapshot.modelOrdinal(model.id)!);
  }
  const testsOnly = conditions.map((c) => c.test);
  let models: readonly ModelView[] | null | undefined;
  return {
    narrowed: sets.length > 0 || conditions.length > 0,
    candidateCount,
    isCandidate,
    get candidateModels() {
      if (models === undefined) models = candidateModels && candidateModels();
      return models;
    },
    candidateOrdinals,
    test: testsOnly.length === 0 ? () => true : testsOnly.length === 1 ? testsOnly[0] : (m) => testsOnly.every((t) => t(m)),
    testsNothing: testsOnly.length === 0,
    count: () => {
      if (searchMatches && sets.length === 1 && conditions.length === 0) return searchMatches.count;
      const bits = conditions.map((c) => snapshot.bitsWhere(c.key, c.test));
      // The indexed sets' own bits (kept per set), not the candidates intersected for this request.
      for (const set of sets) bits.push(set.bits());
      if (bits.length === 0) return snapshot.models.length;
      return countBits(bits.length === 1 ? bits[0] : intersectBits(bits));
    },
    search: searchMatches,
    rankedBySearch,
    providerIds: providers ?? null,
  };
}
