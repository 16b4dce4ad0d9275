import { PRICE_KINDS, PRICE_MODES, PRICE_UNITS } from "../../ingest/observation";
import { isSupported } from "../capabilities/capabilityLevels";
import { valuesAgree } from "../reconcile/valueAgreement";
import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";
import { ModelSearchIndex } from "../search/modelSearchIndex";
import type { SearchMatches } from "../search/searchMatches";
import type {
  AuthorView,
  BenchmarkView,
  CapabilityDefinitionView,
  CapabilityValue,
  ModelView,
  OfferingView,
  PriceView,
  ProviderView,
  SourceView,
} from "../views";
import { emptyCatalogContent, type CatalogContent, type OwnedCapability } from "./catalogContent";
import { emptyBits, setBit, type ModelBits } from "./modelBits";
import { cheapestOf, type PriceSlotChoice } from "../offerings/cheapestPrice";
import { inclusionKey, isFreeOffering, isIncluded, isRouterId, isRouterName, isRouterOffering, type OfferingKind, type PriceInclusion } from "../offerings/offeringKind";

const NONE: readonly never[] = Object.freeze([]);
/**
 * Memo keys of the cheapest current price per model, one map per price kind and inclusion of free and
 * router offerings (patched by withPrices).
 */
const CHEAPEST = "price:cheapest:";
/** Memo key of the offerings the free rule marks; it reads prices, so a price patch updates it. */
const FREE_OFFERINGS = "price:free";

interface CheapestIndex {
  kind: PriceSlotChoice["kind"];
  inclusion: PriceInclusion;
  byModel: Map<string, PriceView>;
}
const rank = <T extends string>(order: readonly T[]) => new Map<T, number>(order.map((value, i) => [value, i]));
const KIND_RANK = rank(PRICE_KINDS);
const MODE_RANK = rank(PRICE_MODES);
const UNIT_RANK = rank(PRICE_UNITS);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Current prices in the order the API lists them: kind, mode, tier, unit (the enums' declared order). */
function comparePriceSlots(a: PriceView, b: PriceView): number {
  return KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)! || MODE_RANK.get(a.mode)! - MODE_RANK.get(b.mode)! || a.contextAbove - b.contextAbove || UNIT_RANK.get(a.unit)! - UNIT_RANK.get(b.unit)! || byText(a.id, b.id);
}

/** History order: newest first, then by id so that rows starting together keep one place. */
export function compareHistory(a: PriceView, b: PriceView): number {
  return b.validFrom.getTime() - a.validFrom.getTime() || byText(a.id, b.id);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function sortedGroups<T>(items: readonly T[], keyOf: (item: T) => string, compare: (a: T, b: T) => number): Map<string, T[]> {
  const groups = groupBy(items, keyOf);
  for (const group of groups.values()) group.sort(compare);
  return groups;
}

function capabilityGroups(values: OwnedCapability[]): Map<string, CapabilityValue[]> {
  const groups = new Map<string, CapabilityValue[]>();
  for (const group of sortedGroups(values, (c) => c.ownerId, (a, b) => byText(a.key, b.key)).entries()) {
    groups.set(group[0], group[1].map(({ key, level }) => ({ key, level })));
  }
  return groups;
}

/**
 * An offering's capabilities where they differ from its model's: a provider's file restates the model's
 * flags for its offering, and only a differing one says something about the offering (CORE and
 * SUPPORTED are the same support).
 */
function offeringOwnCapabilities(values: OwnedCapability[], modelValues: OwnedCapability[], offerings: readonly { id: string; modelId: string }[]): OwnedCapability[] {
  const modelOf = new Map(offerings.map((o) => [o.id, o.modelId]));
  const modelLevel = new Map(modelValues.map((c) => [`${c.ownerId}\u0000${c.key}`, c.level]));
  return values.filter((c) => {
    const level = modelLevel.get(`${modelOf.get(c.ownerId)}\u0000${c.key}`);
    return level === undefined || !valuesAgree({ value: c.level }, { value: level }, "level");
  });
}

/** A set of model ids per value, for the values a model has (capabilities it supports, modalities). */
function membership(entries: Iterable<[string, string]>): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const [value, modelId] of entries) {
    let set = sets.get(value);
    if (!set) sets.set(value, (set = new Set()));
    set.add(modelId);
  }
  return sets;
}

/** The price-derived parts of a snapshot: replaced whole by a price patch, everything else is shared. */
interface PriceParts {
  /** Every price row of an offering, newest first. */
  historyByOffering: Map<string, PriceView[]>;
  /** The prices in force now, in listing order. */
  currentByOffering: Map<string, PriceView[]>;
}

interface StableParts {
  modelsById: Map<string, ModelView>;
  /** Models in id order (the order of a scan). */
  models: ModelView[];
  /** A model's index in `models`: its bit in ModelBits. */
  ordinalById: Map<string, number>;
  /** Lower-cased id or alias → model id. */
  modelIdByName: Map<string, string>;
  aliasesByModel: Map<string, string[]>;
  benchmarksByModel: Map<string, BenchmarkView[]>;
  offeringsById: Map<string, OfferingView>;
  offeringsByModel: Map<string, OfferingView[]>;
  offeringsByProvider: Map<string, OfferingView[]>;
  capabilitiesByModel: Map<string, CapabilityValue[]>;
  capabilitiesByOffering: Map<string, CapabilityValue[]>;
  /** Capability key → models that support it (SUPPORTED or CORE). */
  modelsSupporting: Map<string, Set<string>>;
  modelsWithInput: Map<string, Set<string>>;
  modelsWithOutput: Map<string, Set<string>>;
  modelsOfProvider: Map<string, Set<string>>;
  modelsOfAuthor: Map<string, Set<string>>;
  providersById: Map<string, ProviderView>;
  authorsById: Map<string, AuthorView>;
  providersByName: ProviderView[];
  authorsByName: AuthorView[];
  definitions: CapabilityDefinitionView[];
  sourcesById: Map<string, SourceView>;
  sourcesByUri: SourceView[];
  counts: { models: number; offerings: number; prices: number; providers: number; authors: number };
}

/**
 * The reconciled catalog held in memory for public reads: an immutable, indexed snapshot. Maps by id and
 * alias, sets per capability, modality, provider and author, offerings and prices grouped per owner in the
 * order the API lists them, and memoised derived indexes (sorted orders, cheapest prices, the search index).
 * Requests read one snapshot from start to end; a write replaces the snapshot, never changes it.
 */
export class CatalogSnapshot {
  private readonly memo = new Map<string, unknown>();

  private constructor(
    private readonly stable: StableParts,
    private readonly priced: PriceParts,
    /** When it was built, and how long that took; a price patch keeps the build's figures. */
    readonly builtAt: Date,
    /** How long building it took, warm-up included; a price patch keeps the build's figure. */
    private buildTime: number,
    /** Derived indexes that do not depend on prices, carried over by a price patch. */
    stableMemo?: Map<string, unknown>,
  ) {
    if (stableMemo) for (const [key, value] of stableMemo) if (!key.startsWith("price:")) this.memo.set(key, value);
  }

  get buildMs(): number {
    return this.buildTime;
  }

  static build(content: CatalogContent): CatalogSnapshot {
    const started = performance.now();
    const models = [...content.models].sort((a, b) => byText(a.id, b.id));
    const modelsById = new Map(models.map((m) => [m.id, m]));
    const modelIdByName = new Map<string, string>();
    for (const { alias, modelId } of content.aliases) if (modelsById.has(modelId)) modelIdByName.set(alias.toLowerCase(), modelId);
    // An id wins over an alias spelled the same way.
    for (const m of models) modelIdByName.set(m.id.toLowerCase(), m.id);
    const aliasesByModel = new Map<string, string[]>();
    for (const [modelId, group] of sortedGroups(content.aliases, (a) => a.modelId, (a, b) => byText(a.alias, b.alias))) aliasesByModel.set(modelId, group.map((a) => a.alias));
    const offerings = [...content.offerings];
    const modelCapabilities = content.modelCapabilities;
    const stable: StableParts = {
      modelsById,
      models,
      ordinalById: new Map(models.map((m, i) => [m.id, i])),
      modelIdByName,
      aliasesByModel,
      benchmarksByModel: sortedGroups(content.benchmarks, (b) => b.modelId, (a, b) => byText(a.name, b.name)),
      offeringsById: new Map(offerings.map((o) => [o.id, o])),
      offeringsByModel: sortedGroups(offerings, (o) => o.modelId, (a, b) => byText(a.providerId, b.providerId) || byText(a.id, b.id)),
      offeringsByProvider: sortedGroups(offerings, (o) => o.providerId, (a, b) => byText(a.modelId, b.modelId) || byText(a.id, b.id)),
      capabilitiesByModel: capabilityGroups(modelCapabilities),
      capabilitiesByOffering: capabilityGroups(offeringOwnCapabilities(content.offeringCapabilities, modelCapabilities, offerings)),
      modelsSupporting: membership(modelCapabilities.filter((c) => isSupported(c.level)).map((c) => [c.key, c.ownerId])),
      modelsWithInput: membership(models.flatMap((m) => m.inputModalities.map((v) => [v, m.id] as [string, string]))),
      modelsWithOutput: membership(models.flatMap((m) => m.outputModalities.map((v) => [v, m.id] as [string, string]))),
      modelsOfProvider: membership(offerings.map((o) => [o.providerId, o.modelId])),
      modelsOfAuthor: membership(models.flatMap((m) => (m.authorId ? [[m.authorId, m.id] as [string, string]] : []))),
      providersById: new Map(content.providers.map((p) => [p.id, p])),
      authorsById: new Map(content.authors.map((a) => [a.id, a])),
      providersByName: [...content.providers].sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id)),
      authorsByName: [...content.authors].sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id)),
      definitions: [...content.capabilityDefinitions].sort((a, b) => byText(a.category, b.category) || byText(a.key, b.key)),
      sourcesById: new Map(content.sources.map((s) => [s.id, s])),
      sourcesByUri: [...content.sources].sort((a, b) => byText(a.uri, b.uri)),
      counts: { models: models.length, offerings: offerings.length, prices: content.prices.length, providers: content.providers.length, authors: content.authors.length },
    };
    const snapshot = new CatalogSnapshot(stable, CatalogSnapshot.priceParts(content.prices), new Date(), 0);
    snapshot.warm();
    snapshot.buildTime = performance.now() - started;
    return snapshot;
  }

  private static priceParts(prices: readonly PriceView[]): PriceParts {
    const historyByOffering = sortedGroups(prices, (p) => p.offeringId, compareHistory);
    const currentByOffering = new Map<string, PriceView[]>();
    for (const [offeringId, history] of historyByOffering) {
      const current = history.filter((p) => p.validTo === null).sort(comparePriceSlots);
      if (current.length > 0) currentByOffering.set(offeringId, current);
    }
    return { historyByOffering, currentByOffering };
  }

  /** Builds the indexes every list needs up front, so that the first requests after a swap are not slower. */
  private warm(): void {
    this.searchIndex();
    this.freeOfferings();
    this.routerModels();
  }

  /**
   * A new snapshot in which these offerings have exactly `prices` (every row, current and closed) and
   * these sources are known; everything else is shared with this one. The cheapest prices are patched for
   * the models of these offerings; the other price-derived indexes start afresh.
   */
  withPrices(offeringIds: readonly string[], prices: readonly PriceView[], sources: readonly SourceView[] = []): CatalogSnapshot {
    const changed = CatalogSnapshot.priceParts(prices);
    const historyByOffering = new Map(this.priced.historyByOffering);
    const currentByOffering = new Map(this.priced.currentByOffering);
    for (const id of offeringIds) {
      historyByOffering.delete(id);
      currentByOffering.delete(id);
    }
    for (const [id, rows] of changed.historyByOffering) historyByOffering.set(id, rows);
    for (const [id, rows] of changed.currentByOffering) currentByOffering.set(id, rows);
    let stable = this.stable;
    const unknownSources = sources.filter((s) => !stable.sourcesById.has(s.id));
    if (unknownSources.length > 0) {
      const sourcesById = new Map(stable.sourcesById);
      for (const s of unknownSources) sourcesById.set(s.id, s);
      stable = { ...stable, sourcesById, sourcesByUri: [...sourcesById.values()].sort((a, b) => byText(a.uri, b.uri)) };
    }
    const replacedRows = offeringIds.reduce((n, id) => n + (this.priced.historyByOffering.get(id)?.length ?? 0), 0);
    stable = { ...stable, counts: { ...stable.counts, prices: stable.counts.prices - replacedRows + prices.length } };
    const patched = new CatalogSnapshot(stable, { historyByOffering, currentByOffering }, this.builtAt, this.buildMs, this.memo);
    for (const [key, bits] of this.bitsByCondition) if (!key.startsWith("price:")) patched.bitsByCondition.set(key, bits);
    // Whether an offering is free reads its prices: the changed offerings are classified again, the
    // others keep their class.
    const free = this.memo.get(FREE_OFFERINGS) as ReadonlySet<string> | undefined;
    if (free) {
      const patchedFree = new Set(free);
      for (const id of offeringIds) {
        const offering = patched.offering(id);
        if (offering && isFreeOffering(offering, patched.currentPrices(id))) patchedFree.add(id);
        else patchedFree.delete(id);
      }
      patched.memo.set(FREE_OFFERINGS, patchedFree);
    }
    // The cheapest price per model is patched for the models whose offerings changed, not recomputed
    // for the whole catalog (at 100 times today's size that took seconds, on the request path).
    const models = new Set(offeringIds.flatMap((id) => this.offering(id)?.modelId ?? []));
    for (const [key, value] of this.memo) {
      if (!key.startsWith(CHEAPEST)) continue;
      const { kind, inclusion, byModel: before } = value as CheapestIndex;
      const byModel = new Map(before);
      for (const modelId of models) {
        const best = patched.cheapestOverOfferings(modelId, kind, inclusion);
        if (best) byModel.set(modelId, best);
        else byModel.delete(modelId);
      }
      patched.memo.set(key, { kind, inclusion, byModel } satisfies CheapestIndex);
    }
    return patched;
  }

  /**
   * A value derived from this snapshot, computed once. Keys starting with "price:" depend on prices and
   * are dropped by a price patch; the others are carried over. At most `limit` keys of a kind are kept.
   */
  derived<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    if (this.memo.size > 256) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }

  get counts(): StableParts["counts"] {
    return this.stable.counts;
  }

  // Models

  /** Every model, in id order. */
  get models(): readonly ModelView[] {
    return this.stable.models;
  }

  model(id: string): ModelView | undefined {
    return this.stable.modelsById.get(id);
  }

  /** The id of the model a name stands for (its id, an alias or a dated snapshot id, any case). */
  modelIdFor(name: string): string | undefined {
    return this.stable.modelIdByName.get(name.trim().toLowerCase());
  }

  findModel(name: string): ModelView | undefined {
    const id = this.modelIdFor(name);
    return id === undefined ? undefined : this.stable.modelsById.get(id);
  }

  aliasesOf(modelId: string): readonly string[] {
    return this.stable.aliasesByModel.get(modelId) ?? NONE;
  }

  benchmarksOf(modelId: string): readonly BenchmarkView[] {
    return this.stable.benchmarksByModel.get(modelId) ?? NONE;
  }

  capabilitiesOfModel(modelId: string): readonly CapabilityValue[] {
    return this.stable.capabilitiesByModel.get(modelId) ?? NONE;
  }

  /** Models that support (or have as a core parameter) a capability key. */
  modelsSupporting(key: string): ReadonlySet<string> {
    return this.stable.modelsSupporting.get(key) ?? EMPTY_SET;
  }

  modelsWithInputModality(modality: string): ReadonlySet<string> {
    return this.stable.modelsWithInput.get(modality) ?? EMPTY_SET;
  }

  modelsWithOutputModality(modality: string): ReadonlySet<string> {
    return this.stable.modelsWithOutput.get(modality) ?? EMPTY_SET;
  }

  modelsOfProvider(providerId: string): ReadonlySet<string> {
    return this.stable.modelsOfProvider.get(providerId) ?? EMPTY_SET;
  }

  modelsOfAuthor(authorId: string): ReadonlySet<string> {
    return this.stable.modelsOfAuthor.get(authorId) ?? EMPTY_SET;
  }

  private readonly viewsBySet = new WeakMap<ReadonlySet<string>, readonly ModelView[]>();
  private readonly bitsBySet = new WeakMap<ReadonlySet<string>, ModelBits>();
  /** The bits of filter conditions by key, the most recently added last (see bitsWhere). */
  private readonly bitsByCondition = new Map<string, ModelBits>();

  /** A model's index in `models` (id order): its bit in a ModelBits. */
  modelOrdinal(id: string): number | undefined {
    return this.stable.ordinalById.get(id);
  }

  /** The bits of a set of model ids (one of this snapshot's sets, or a request's own), kept while the set lives. */
  bitsOfSet(ids: ReadonlySet<string>): ModelBits {
    let bits = this.bitsBySet.get(ids);
    if (!bits) {
      bits = emptyBits(this.stable.models.length);
      for (const id of ids) {
        const ordinal = this.stable.ordinalById.get(id);
        if (ordinal !== undefined) setBit(bits, ordinal);
      }
      this.bitsBySet.set(ids, bits);
    }
    return bits;
  }

  /**
   * The models that pass a filter condition, as bits, computed once per snapshot and `key` (which must
   * name the condition and every value it reads). The last 64 keys are kept; a key starting with
   * "price:" reads prices and is dropped by a price patch, the others are carried over.
   */
  bitsWhere(key: string, test: (model: ModelView) => boolean): ModelBits {
    let bits = this.bitsByCondition.get(key);
    if (bits) return bits;
    const models = this.stable.models;
    bits = emptyBits(models.length);
    for (let i = 0; i < models.length; i++) if (test(models[i])) setBit(bits, i);
    if (this.bitsByCondition.size >= 64) this.bitsByCondition.delete(this.bitsByCondition.keys().next().value!);
    this.bitsByCondition.set(key, bits);
    return bits;
  }

  /**
   * The models of one of this snapshot's id sets (those above), looked up once per set and kept: a filter
   * then walks the models themselves instead of looking each id up again (at 100 times the catalog,
   * those lookups were two thirds of a filtered list's time).
   */
  modelsIn(ids: ReadonlySet<string>): readonly ModelView[] {
    let views = this.viewsBySet.get(ids);
    if (!views) {
      views = [...ids].flatMap((id) => this.stable.modelsById.get(id) ?? []);
      this.viewsBySet.set(ids, views);
    }
    return views;
  }

  private readonly ordinalsBySet = new WeakMap<ReadonlySet<string>, Int32Array>();

  /** The ordinals of one of this snapshot's id sets (as modelsIn), looked up once per set and kept. */
  ordinalsIn(ids: ReadonlySet<string>): Int32Array {
    let ordinals = this.ordinalsBySet.get(ids);
    if (!ordinals) {
      ordinals = Int32Array.from([...ids].flatMap((id) => this.stable.ordinalById.get(id) ?? []));
      this.ordinalsBySet.set(ids, ordinals);
    }
    return ordinals;
  }

  /**
   * A search's matching models (searchMatches.ts). The index is built over `models` in order, so a
   * match's ordinal is its model's place in `models` and its bit in a ModelBits: no lookup by id per match.
   */
  searchMatches(query: string, options?: { scored?: boolean }): SearchMatches {
    return this.searchIndex().matches(query, options);
  }

  /** The search index over ids, names, aliases and descriptions, built once per snapshot. */
  searchIndex(): ModelSearchIndex {
    return this.derived("search", () =>
      ModelSearchIndex.build(this.stable.models.map((m) => ({ id: m.id, name: m.name, aliases: this.aliasesOf(m.id), description: m.description }))),
    );
  }

  // Offerings and prices

  offering(id: string): OfferingView | undefined {
    return this.stable.offeringsById.get(id);
  }

  /** A model's offerings by provider; only `providerId`'s (any of its ids) when given. */
  offeringsOfModel(modelId: string, providerId?: string | null): readonly OfferingView[] {
    const all = this.stable.offeringsByModel.get(modelId) ?? NONE;
    if (!providerId) return all;
    const wanted = canonicalProviderId(providerId);
    return all.filter((o) => o.providerId === wanted);
  }

  /** A provider's offerings by model. */
  offeringsOfProvider(providerId: string): readonly OfferingView[] {
    return this.stable.offeringsByProvider.get(canonicalProviderId(providerId)) ?? NONE;
  }

  capabilitiesOfOffering(offeringId: string): readonly CapabilityValue[] {
    return this.stable.capabilitiesByOffering.get(offeringId) ?? NONE;
  }

  /** The prices in force now, by kind, mode, tier and unit. */
  currentPrices(offeringId: string): readonly PriceView[] {
    return this.priced.currentByOffering.get(offeringId) ?? NONE;
  }

  /** The prices in force at an instant, in the same order as the current ones. */
  pricesAt(offeringId: string, at: Date): PriceView[] {
    const time = at.getTime();
    return (this.priced.historyByOffering.get(offeringId) ?? NONE)
      .filter((p) => p.validFrom.getTime() <= time && (p.validTo === null || p.validTo.getTime() > time))
      .sort(comparePriceSlots);
  }

  /** Every price row the offering has had, newest first. */
  priceHistory(offeringId: string): readonly PriceView[] {
    return this.priced.historyByOffering.get(offeringId) ?? NONE;
  }

  /**
   * A model's cheapest current base-tier price of a kind, mode and currency over its offerings (in the
   * kind's default unit); null if none. Free and router offerings count only when `choice.include` says
   * so (offeringKind.ts). The standard USD choice per kind and inclusion is precomputed per snapshot.
   */
  cheapestPrice(modelId: string, choice: PriceSlotChoice): PriceView | null {
    const inclusion: PriceInclusion = { includeFree: choice.include?.includeFree === true, includeRouters: choice.include?.includeRouters === true };
    if (choice.mode === "STANDARD" && choice.currency === "USD" && !choice.providerIds) {
      const index = this.derived<CheapestIndex>(`${CHEAPEST}${choice.kind}:${inclusionKey(inclusion)}`, () => {
        const byModel = new Map<string, PriceView>();
        for (const m of this.stable.models) {
          const best = this.cheapestOverOfferings(m.id, choice.kind, inclusion);
          if (best) byModel.set(m.id, best);
        }
        return { kind: choice.kind, inclusion, byModel };
      });
      return index.byModel.get(modelId) ?? null;
    }
    const offerings = this.offeringsOfModel(modelId).filter((o) => (!choice.providerIds || choice.providerIds.includes(o.providerId)) && this.includesOffering(o.id, inclusion));
    return cheapestOf(offerings.flatMap((o) => this.currentPrices(o.id)), choice);
  }

  private cheapestOverOfferings(modelId: string, kind: PriceSlotChoice["kind"], inclusion: PriceInclusion): PriceView | null {
    const offerings = this.offeringsOfModel(modelId).filter((o) => this.includesOffering(o.id, inclusion));
    return cheapestOf(offerings.flatMap((o) => this.currentPrices(o.id)), { kind, mode: "STANDARD", currency: "USD" });
  }

  /** Whether an offering is free and whether it serves a router's meta-model, by its current prices (offeringKind.ts). */
  offeringKind(offeringId: string): OfferingKind {
    return { free: this.freeOfferings().has(offeringId), router: this.routerOfferings().has(offeringId) };
  }

  /** Whether a price comparison with this inclusion of free and router offerings counts the offering. */
  includesOffering(offeringId: string, inclusion: PriceInclusion | null | undefined): boolean {
    if (inclusion?.includeFree === true && inclusion?.includeRouters === true) return true;
    return isIncluded(this.offeringKind(offeringId), inclusion);
  }

  /**
   * Whether a model is a router's meta-model: its id or name says so (offeringKind.ts), or it has
   * offerings and every one of them is a router's.
   */
  isRouterModel(modelId: string): boolean {
    return this.routerModels().has(modelId);
  }

  private freeOfferings(): ReadonlySet<string> {
    return this.derived(FREE_OFFERINGS, () => {
      const free = new Set<string>();
      for (const offering of this.stable.offeringsById.values()) if (isFreeOffering(offering, this.currentPrices(offering.id))) free.add(offering.id);
      return free;
    });
  }

  /** Router offerings are known by their ids and names alone, so a price patch keeps them. */
  private routerOfferings(): ReadonlySet<string> {
    return this.derived("routers", () => new Set([...this.stable.offeringsById.values()].filter(isRouterOffering).map((o) => o.id)));
  }

  private routerModels(): ReadonlySet<string> {
    return this.derived("routerModels", () => {
      const routers = this.routerOfferings();
      const models = new Set<string>();
      for (const m of this.stable.models) {
        const offerings = this.offeringsOfModel(m.id);
        if (isRouterId(m.id) || isRouterName(m.name) || (offerings.length > 0 && offerings.every((o) => routers.has(o.id)))) models.add(m.id);
      }
      return models;
    });
  }

  // Parties, capabilities, sources

  provider(id: string): ProviderView | undefined {
    return this.stable.providersById.get(canonicalProviderId(id));
  }

  author(id: string): AuthorView | undefined {
    return this.stable.authorsById.get(canonicalAuthorId(id));
  }

  /** Providers by lower-cased name, then id. */
  get providersByName(): readonly ProviderView[] {
    return this.stable.providersByName;
  }

  /** Authors by lower-cased name, then id. */
  get authorsByName(): readonly AuthorView[] {
    return this.stable.authorsByName;
  }

  capabilityDefinitions(): readonly CapabilityDefinitionView[] {
    return this.stable.definitions;
  }

  source(id: string): SourceView | undefined {
    return this.stable.sourcesById.get(id);
  }

  /** Sources by URI. */
  get sourcesByUri(): readonly SourceView[] {
    return this.stable.sourcesByUri;
  }

  /** An empty catalog, served until the first build finishes. */
  static empty(): CatalogSnapshot {
    return CatalogSnapshot.build(emptyCatalogContent());
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();
