import Decimal from "decimal.js";
import type { CapabilityValue, DatePrecision, ModelView, OfferingView, PriceKind, PriceUnit, PriceView } from "../views";
import { PRICE_KINDS, PRICE_UNITS } from "../../ingest/observation";

export interface ComparedModel {
  model: ModelView;
  capabilities: CapabilityValue[];
  /** Already restricted to one provider when the user asked for one. */
  offerings: OfferingView[];
  /** The current prices of those offerings that price comparisons count (free and router ones only when asked). */
  prices: PriceView[];
  authorName?: string | null;
}

export type ComparisonGroup = "facts" | "limits" | "prices" | "capabilities" | "modalities" | "dates";
export type Better = "HIGHER" | "LOWER" | "LATER" | "NONE";

export interface ComparisonCell {
  modelId: string;
  value: string | null;
  known: boolean;
  best: boolean;
  providerId?: string | null;
  offeringId?: string | null;
}

export interface ComparisonRow {
  key: string;
  label: string;
  group: ComparisonGroup;
  unit: string | null;
  better: Better;
  differs: boolean;
  cells: ComparisonCell[];
}

/** A cell before `best` is decided: what it shows, and what it is ranked by (absent when it may not be ranked). */
interface RawCell {
  value: string | null;
  rankBy?: Decimal | string;
  providerId?: string | null;
  offeringId?: string | null;
}

interface RowSpec {
  key: string;
  label: string;
  group: ComparisonGroup;
  unit: string | null;
  better: Better;
  cell: (m: ComparedModel) => RawCell;
}

const KIND_ORDER: readonly PriceKind[] = PRICE_KINDS;
const UNIT_ORDER: readonly PriceUnit[] = PRICE_UNITS;
const KIND_LABEL: Record<PriceKind, string> = {
  INPUT: "Input",
  OUTPUT: "Output",
  CACHED_INPUT: "Cached input",
  CACHE_WRITE: "Cache write",
  REASONING: "Reasoning",
  INPUT_AUDIO: "Input audio",
  OUTPUT_AUDIO: "Output audio",
  INPUT_IMAGE: "Input image",
  OUTPUT_IMAGE: "Output image",
  REQUEST: "Request",
  WEB_SEARCH: "Web search",
};
const UNIT_LABEL: Record<PriceUnit, string> = {
  PER_1M_TOKENS: "per 1M tokens",
  PER_IMAGE: "per image",
  PER_REQUEST: "per request",
  PER_1K_REQUESTS: "per 1K requests",
  PER_SECOND: "per second",
  PER_MINUTE: "per minute",
};

/**
 * Lays models side by side: one row per comparable fact, one cell per model in the order given.
 *
 * - A fact a model lacks is unknown (`value: null, known: false`), never 0 or "no".
 * - Rows come in groups: facts, limits (the model's own), prices (STANDARD mode, base tier, one row per kind
 *   and unit that some model's offerings price; the cell is the cheapest across the model's offerings),
 *   capabilities (sorted by key), modalities, dates (shown at their precision: "2024-04" for a month).
 * - `best` marks every known cell holding the best value, only on HIGHER / LOWER / LATER rows with at least
 *   two known cells that differ. Numbers compare as exact decimals; dates by their ISO day (a month counts
 *   as its first day). A price row whose cells are in more than one currency marks nothing best.
 * - `differs`: the known values are not all equal, or some cells are known and some not.
 */
export function compareModels(models: ComparedModel[]): ComparisonRow[] {
  if (models.length === 0) return [];
  const specs = [...FIXED_FACTS, ...LIMITS, ...priceRows(models), ...capabilityRows(models), ...MODALITIES, ...DATES];
  return specs.map((spec) => buildRow(spec, models));
}

function buildRow(spec: RowSpec, models: ComparedModel[]): ComparisonRow {
  const raw = models.map((m) => ({ modelId: m.model.id, ...spec.cell(m) }));
  const known = raw.filter((c) => c.value !== null);
  const distinct = new Set(known.map((c) => c.value));
  const differs = distinct.size > 1 || (known.length > 0 && known.length < raw.length);
  const bestCells = bestOf(spec.better, known);
  const cells = raw.map((c) => {
    const cell: ComparisonCell = { modelId: c.modelId, value: c.value, known: c.value !== null, best: bestCells.has(c) };
    if (c.providerId !== undefined) cell.providerId = c.providerId;
    if (c.offeringId !== undefined) cell.offeringId = c.offeringId;
    return cell;
  });
  return { key: spec.key, label: spec.label, group: spec.group, unit: spec.unit, better: spec.better, differs, cells };
}

/** The known cells holding the best value; none unless every known cell is rankable, two are known, and they differ. */
function bestOf<C extends RawCell>(better: Better, known: C[]): Set<C> {
  if (better === "NONE" || known.length < 2) return new Set();
  if (known.some((c) => c.rankBy === undefined)) return new Set();
  const sign = better === "LOWER" ? -1 : 1;
  const order = (a: C, b: C) => sign * compareRanks(a.rankBy!, b.rankBy!);
  const top = known.reduce((best, c) => (order(c, best) > 0 ? c : best));
  if (known.every((c) => compareRanks(c.rankBy!, top.rankBy!) === 0)) return new Set();
  return new Set(known.filter((c) => compareRanks(c.rankBy!, top.rankBy!) === 0));
}

function compareRanks(a: Decimal | string, b: Decimal | string): number {
  if (typeof a === "string" || typeof b === "string") return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return a.comparedTo(b);
}

const shown = (value: string | null | undefined): RawCell => ({ value: value ?? null });
const counted = (value: number | null): RawCell => (value === null ? { value: null } : { value: String(value), rankBy: new Decimal(value) });

const FIXED_FACTS: RowSpec[] = [
  { key: "author", label: "Author", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.authorName ?? m.model.authorId) },
  { key: "family", label: "Family", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.model.family) },
  { key: "status", label: "Status", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.model.status) },
  {
    key: "openWeights",
    label: "Open weights",
    group: "facts",
    unit: null,
    better: "NONE",
    cell: (m) => shown(m.model.openWeights === null ? null : m.model.openWeights ? "yes" : "no"),
  },
  { key: "license", label: "License", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.model.license) },
];

const LIMITS: RowSpec[] = [
  { key: "contextWindow", label: "Context window", group: "limits", unit: "tokens", better: "HIGHER", cell: (m) => counted(m.model.contextWindow) },
  { key: "maxInputTokens", label: "Max input tokens", group: "limits", unit: "tokens", better: "HIGHER", cell: (m) => counted(m.model.maxInputTokens) },
  { key: "maxOutputTokens", label: "Max output tokens", group: "limits", unit: "tokens", better: "HIGHER", cell: (m) => counted(m.model.maxOutputTokens) },
];

/** The prices a model's cell may come from: STANDARD mode, base tier, of one of its (possibly provider-restricted) offerings. */
function comparablePrices(m: ComparedModel): { price: PriceView; offering: OfferingView }[] {
  const offerings = new Map(m.offerings.map((o) => [o.id, o]));
  return m.prices.flatMap((price) => {
    const offering = offerings.get(price.offeringId);
    return offering && price.mode === "STANDARD" && price.contextAbove === 0 ? [{ price, offering }] : [];
  });
}

function priceRows(models: ComparedModel[]): RowSpec[] {
  const perModel = models.map((m) => ({ m, prices: comparablePrices(m) }));
  const seen = new Set(perModel.flatMap(({ prices }) => prices.map(({ price }) => `${price.kind}.${price.unit}`)));
  const pairs = KIND_ORDER.flatMap((kind) => UNIT_ORDER.filter((unit) => seen.has(`${kind}.${unit}`)).map((unit) => ({ kind, unit })));
  return pairs.map(({ kind, unit }) => {
    const matching = new Map(perModel.map(({ m, prices }) => [m, prices.filter(({ price }) => price.kind === kind && price.unit === unit)]));
    const currency = rowCurrency([...matching.values()].map((ps) => ps.map(({ price }) => price.currency)));
    const mixed = [...matching.values()].some((ps) => ps.length > 0 && !ps.some(({ price }) => price.currency === currency));
    const labelSuffix = unit === "PER_1M_TOKENS" ? "price" : `price ${UNIT_LABEL[unit]}`;
    return {
      key: unit === "PER_1M_TOKENS" ? `price.${kind}` : `price.${kind}.${unit}`,
      label: `${KIND_LABEL[kind]} ${labelSuffix}`,
      group: "prices" as const,
      unit: `${currency} ${UNIT_LABEL[unit]}`,
      better: "LOWER" as const,
      cell: (m: ComparedModel) => cheapestCell(matching.get(m) ?? [], currency, mixed),
    };
  });
}

/**
 * The cheapest price in the row's currency (ties: provider, then offering id); a model priced only in
 * another currency shows its cheapest price with the currency named ("0.45 EUR") and is never ranked.
 */
function cheapestCell(prices: { price: PriceView; offering: OfferingView }[], currency: string, mixed: boolean): RawCell {
  if (prices.length === 0) return { value: null, providerId: null, offeringId: null };
  const inCurrency = prices.filter(({ price }) => price.currency === currency);
  const pool = inCurrency.length > 0 ? inCurrency : prices.filter(({ price }) => price.currency === rowCurrency([prices.map(({ price }) => price.currency)]));
  const cheapest = [...pool].sort(
    (a, b) =>
      new Decimal(a.price.amount).comparedTo(b.price.amount) ||
      compareStrings(a.offering.providerId, b.offering.providerId) ||
      compareStrings(a.offering.id, b.offering.id),
  )[0];
  const amount = new Decimal(cheapest.price.amount);
  const foreign = cheapest.price.currency !== currency;
  return {
    value: foreign ? `${amount.toFixed()} ${cheapest.price.currency}` : amount.toFixed(),
    rankBy: mixed ? undefined : amount,
    providerId: cheapest.offering.providerId,
    offeringId: cheapest.offering.id,
  };
}

/** The currency most models price in (ties: alphabetical); each model counts once per currency. */
function rowCurrency(currenciesPerModel: string[][]): string {
  const counts = new Map<string, number>();
  for (const currencies of currenciesPerModel) for (const c of new Set(currencies)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort(([a, na], [b, nb]) => nb - na || compareStrings(a, b))[0]?.[0] ?? "USD";
}

function capabilityRows(models: ComparedModel[]): RowSpec[] {
  const keys = [...new Set(models.flatMap((m) => m.capabilities.map((c) => c.key)))].sort(compareStrings);
  return keys.map((key) => ({
    key: `capability.${key}`,
    label: capabilityLabel(key),
    group: "capabilities" as const,
    unit: null,
    better: "HIGHER" as const,
    cell: (m: ComparedModel) => {
      const level = m.capabilities.find((c) => c.key === key)?.level;
      if (level === undefined) return { value: null };
      const supported = level !== "NOT_SUPPORTED";
      return { value: supported ? "yes" : "no", rankBy: new Decimal(supported ? 1 : 0) };
    },
  }));
}

/** "tool_calls" reads as "Tool calls". */
function capabilityLabel(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const modalityList = (modalities: string[]): RawCell => shown(modalities.length === 0 ? null : [...modalities].sort(compareStrings).join(", "));

const MODALITIES: RowSpec[] = [
  { key: "inputModalities", label: "Input modalities", group: "modalities", unit: null, better: "NONE", cell: (m) => modalityList(m.model.inputModalities) },
  { key: "outputModalities", label: "Output modalities", group: "modalities", unit: null, better: "NONE", cell: (m) => modalityList(m.model.outputModalities) },
];

/** A date at the precision it is known to: "2024" for a year, "2024-04" for a month, "2024-04-01" for a day. */
function dated(iso: string | null, precision: DatePrecision | null): RawCell {
  if (iso === null) return { value: null };
  const day = iso.slice(0, 10);
  const length = precision === "YEAR" ? 4 : precision === "MONTH" ? 7 : 10;
  return { value: day.slice(0, length), rankBy: day };
}

const DATES: RowSpec[] = [
  { key: "releaseDate", label: "Release date", group: "dates", unit: null, better: "LATER", cell: (m) => dated(m.model.releaseDate, m.model.releaseDatePrecision) },
  {
    key: "knowledgeCutoff",
    label: "Knowledge cutoff",
    group: "dates",
    unit: null,
    better: "LATER",
    cell: (m) => dated(m.model.knowledgeCutoff, m.model.knowledgeCutoffPrecision),
  },
  { key: "lastUpdated", label: "Last updated", group: "dates", unit: null, better: "NONE", cell: (m) => dated(m.model.lastUpdated, null) },
];

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
