// The exported catalog in memory, grouped the obvious way (by id, by owner, in the order the API lists
// things), for the in-memory contenders. Built once at start; requests only read it.
import fs from "node:fs";
import Decimal from "decimal.js";
import type { AuthorRow, CatalogFile, DecisionRow, FactRow, ModelRow, OfferingRow, PriceRow, ProviderRow } from "./catalogFile";
import { isIncluded, offeringKind } from "../../../src/catalog/offerings/offeringKind";
import type { PriceView } from "../../../src/catalog/views";

/** The API's enum orders (prisma/schema.prisma's declaration order), which price lists follow. */
export const KIND_ORDER = ["INPUT", "OUTPUT", "CACHED_INPUT", "CACHE_WRITE", "REASONING", "INPUT_AUDIO", "OUTPUT_AUDIO", "INPUT_IMAGE", "OUTPUT_IMAGE", "REQUEST", "WEB_SEARCH"];
export const MODE_ORDER = ["STANDARD", "BATCH", "PRIORITY", "FLEX", "FAST"];
export const UNIT_ORDER = ["PER_1M_TOKENS", "PER_IMAGE", "PER_REQUEST", "PER_1K_REQUESTS", "PER_SECOND", "PER_MINUTE"];

/** Decimal arithmetic that never rounds (costs), printing plain notation. */
export const Exact = Decimal.clone({ precision: 100, toExpNeg: -9e15, toExpPos: 9e15 });

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<T>(rows: readonly T[], key: (row: T) => string, order?: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  if (order) for (const group of groups.values()) group.sort(order);
  return groups;
}

export interface Candidate {
  value: unknown;
  locator: string;
  sourceUri: string;
}

export interface Provenance {
  field: string;
  value: unknown;
  rule: string;
  candidates: Candidate[];
}

export class CatalogArrays {
  /** In id order. */
  readonly models: ModelRow[];
  readonly modelsById: Map<string, ModelRow>;
  private readonly modelIdByName = new Map<string, string>();
  readonly offeringsByModel: Map<string, OfferingRow[]>;
  readonly providersById: Map<string, ProviderRow>;
  readonly authorsById: Map<string, AuthorRow>;
  /** validTo null, by kind, mode, tier, unit, id. */
  private readonly currentByOffering: Map<string, PriceRow[]>;
  readonly capabilitiesByModel: Map<string, { key: string; level: string }[]>;
  private readonly decisionsByModel: Map<string, DecisionRow[]>;
  private readonly factsByField: Map<string, (FactRow & { sourceUri: string })[]>;
  /**
   * Offerings price comparisons leave out unless asked (a free tier, a router's meta-model), by the
   * API's own rule (src/catalog/offerings/offeringKind.ts): cheapest prices, comparisons and estimates
   * count the others only.
   */
  private readonly leftOutOfComparisons: Set<string>;

  constructor(file: CatalogFile) {
    this.models = [...file.models].sort((a, b) => byText(a.id, b.id));
    this.modelsById = new Map(this.models.map((m) => [m.id, m]));
    for (const { alias, modelId } of file.aliases) if (this.modelsById.has(modelId)) this.modelIdByName.set(alias.toLowerCase(), modelId);
    for (const m of this.models) this.modelIdByName.set(m.id.toLowerCase(), m.id);
    this.offeringsByModel = groupBy(file.offerings, (o) => o.modelId, (a, b) => byText(a.providerId, b.providerId) || byText(a.id, b.id));
    this.providersById = new Map(file.providers.map((p) => [p.id, p]));
    this.authorsById = new Map(file.authors.map((a) => [a.id, a]));
    const rank = (order: string[]) => new Map(order.map((v, i) => [v, i]));
    const [kinds, modes, units] = [rank(KIND_ORDER), rank(MODE_ORDER), rank(UNIT_ORDER)];
    this.currentByOffering = groupBy(
      file.prices.filter((p) => p.validTo === null),
      (p) => p.offeringId,
      (a, b) => kinds.get(a.kind)! - kinds.get(b.kind)! || modes.get(a.mode)! - modes.get(b.mode)! || a.contextAbove - b.contextAbove || units.get(a.unit)! - units.get(b.unit)! || byText(a.id, b.id),
    );
    this.capabilitiesByModel = new Map(
      [...groupBy(file.capabilities, (c) => c.modelId, (a, b) => byText(a.capabilityKey, b.capabilityKey))].map(([id, rows]) => [id, rows.map((c) => ({ key: c.capabilityKey, level: c.level }))]),
    );
    this.leftOutOfComparisons = new Set(
      file.offerings.filter((o) => !isIncluded(offeringKind(o, (this.currentByOffering.get(o.id) ?? []) as unknown as PriceView[]), null)).map((o) => o.id),
    );
    const uri = new Map(file.sources.map((s) => [s.id, s.uri]));
    this.decisionsByModel = groupBy(file.decisions, (d) => d.entityId, (a, b) => byText(a.field, b.field));
    this.factsByField = groupBy(
      file.facts.map((f) => ({ ...f, sourceUri: uri.get(f.sourceId) ?? "" })),
      (f) => `${f.entityId}\u0000${f.field}`,
      (a, b) => byText(a.sourceUri, b.sourceUri),
    );
  }

  static load(file: string): CatalogArrays {
    return new CatalogArrays(JSON.parse(fs.readFileSync(file, "utf8")) as CatalogFile);
  }

  /** A model by id or alias, any case. */
  findModel(name: string): ModelRow | undefined {
    const id = this.modelIdByName.get(name.trim().toLowerCase());
    return id === undefined ? undefined : this.modelsById.get(id);
  }

  offeringsOf(modelId: string): OfferingRow[] {
    return this.offeringsByModel.get(modelId) ?? [];
  }

  /** The model's offerings a price comparison counts (not a free tier, not a router). */
  comparedOfferingsOf(modelId: string): OfferingRow[] {
    return this.offeringsOf(modelId).filter((o) => !this.leftOutOfComparisons.has(o.id));
  }

  currentPrices(offeringId: string): PriceRow[] {
    return this.currentByOffering.get(offeringId) ?? [];
  }

  /** Supported or a core parameter. */
  supports(modelId: string, key: string): boolean {
    return (this.capabilitiesByModel.get(modelId) ?? []).some((c) => c.key === key && c.level !== "NOT_SUPPORTED");
  }

  /** The model's decided fields (one, or all by field name), each with its candidates by source URI. */
  provenance(modelId: string, field?: string | null): Provenance[] {
    const decisions = (this.decisionsByModel.get(modelId) ?? []).filter((d) => !field || d.field === field);
    return decisions.map((d) => ({
      field: d.field,
      value: d.chosenValue,
      rule: d.rule,
      candidates: (this.factsByField.get(`${modelId}\u0000${d.field}`) ?? []).map((f) => ({ value: f.value, locator: f.locator, sourceUri: f.sourceUri })),
    }));
  }

  /** The cheapest current base-tier price of a kind (in its default unit), mode and currency over the model's offerings; ties by offering id. */
  cheapestPrice(modelId: string, kind: string, mode = "STANDARD", currency = "USD"): PriceRow | null {
    const unit = defaultUnit(kind);
    let best: PriceRow | null = null;
    for (const offering of this.comparedOfferingsOf(modelId)) {
      for (const p of this.currentPrices(offering.id)) {
        if (p.kind !== kind || p.mode !== mode || p.currency !== currency || p.unit !== unit || p.contextAbove !== 0) continue;
        const order = best ? new Decimal(p.amount).comparedTo(best.amount) : -1;
        if (order < 0 || (order === 0 && p.offeringId < best!.offeringId)) best = p;
      }
    }
    return best;
  }
}

/** The unit a kind is priced in unless a price says otherwise. */
export function defaultUnit(kind: string): string {
  if (kind === "REQUEST" || kind === "WEB_SEARCH") return "PER_REQUEST";
  if (kind === "INPUT_IMAGE" || kind === "OUTPUT_IMAGE") return "PER_IMAGE";
  return "PER_1M_TOKENS";
}
