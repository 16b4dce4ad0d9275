// compareModels over the arrays: the rows the API documents (facts, limits, prices per kind and unit,
// capabilities, modalities, dates), one cell per model, best values marked on HIGHER / LOWER / LATER rows.
import Decimal from "decimal.js";
import { byText, KIND_ORDER, UNIT_ORDER, type CatalogArrays } from "./catalogArrays";
import type { ModelRow, OfferingRow, PriceRow } from "./catalogFile";

interface Compared {
  model: ModelRow;
  authorName: string | null;
  capabilities: { key: string; level: string }[];
  /** Current STANDARD base-tier prices, with their offering. */
  prices: { price: PriceRow; offering: OfferingRow }[];
}

interface RawCell {
  value: string | null;
  rankBy?: Decimal | string;
  providerId?: string | null;
  offeringId?: string | null;
}

interface RowSpec {
  key: string;
  label: string;
  group: string;
  unit: string | null;
  better: "HIGHER" | "LOWER" | "LATER" | "NONE";
  cell: (m: Compared) => RawCell;
}

const shown = (value: string | null | undefined): RawCell => ({ value: value ?? null });
const counted = (value: number | null): RawCell => (value === null ? { value: null } : { value: String(value), rankBy: new Decimal(value) });
const modalities = (values: string[]): RawCell => shown(values.length === 0 ? null : [...values].sort(byText).join(", "));
const dated = (day: string | null, precision: string | null): RawCell =>
  day === null ? { value: null } : { value: day.slice(0, precision === "YEAR" ? 4 : precision === "MONTH" ? 7 : 10), rankBy: day };

const FIXED: RowSpec[] = [
  { key: "author", label: "Author", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.authorName ?? m.model.authorId) },
  { key: "family", label: "Family", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.model.family) },
  { key: "status", label: "Status", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.model.status) },
  { key: "openWeights", label: "Open weights", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.model.openWeights === null ? null : m.model.openWeights ? "yes" : "no") },
  { key: "license", label: "License", group: "facts", unit: null, better: "NONE", cell: (m) => shown(m.model.license) },
  { key: "contextWindow", label: "Context window", group: "limits", unit: "tokens", better: "HIGHER", cell: (m) => counted(m.model.contextWindow) },
  { key: "maxInputTokens", label: "Max input tokens", group: "limits", unit: "tokens", better: "HIGHER", cell: (m) => counted(m.model.maxInputTokens) },
  { key: "maxOutputTokens", label: "Max output tokens", group: "limits", unit: "tokens", better: "HIGHER", cell: (m) => counted(m.model.maxOutputTokens) },
];

const TRAILING: RowSpec[] = [
  { key: "inputModalities", label: "Input modalities", group: "modalities", unit: null, better: "NONE", cell: (m) => modalities(m.model.inputModalities) },
  { key: "outputModalities", label: "Output modalities", group: "modalities", unit: null, better: "NONE", cell: (m) => modalities(m.model.outputModalities) },
  { key: "releaseDate", label: "Release date", group: "dates", unit: null, better: "LATER", cell: (m) => dated(m.model.releaseDate, m.model.releaseDatePrecision) },
  { key: "knowledgeCutoff", label: "Knowledge cutoff", group: "dates", unit: null, better: "LATER", cell: (m) => dated(m.model.knowledgeCutoff, m.model.knowledgeCutoffPrecision) },
  { key: "lastUpdated", label: "Last updated", group: "dates", unit: null, better: "NONE", cell: (m) => dated(m.model.lastUpdated, null) },
];

/** The currency most models price in (ties alphabetical); each model counts once per currency. */
function rowCurrency(perModel: string[][]): string {
  const counts = new Map<string, number>();
  for (const currencies of perModel) for (const c of new Set(currencies)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort(([a, na], [b, nb]) => nb - na || byText(a, b))[0]?.[0] ?? "USD";
}

function priceRows(models: Compared[]): RowSpec[] {
  const seen = new Set(models.flatMap((m) => m.prices.map(({ price }) => `${price.kind}.${price.unit}`)));
  const pairs = KIND_ORDER.flatMap((kind) => UNIT_ORDER.filter((unit) => seen.has(`${kind}.${unit}`)).map((unit) => ({ kind, unit })));
  return pairs.map(({ kind, unit }) => {
    const matching = new Map(models.map((m) => [m, m.prices.filter(({ price }) => price.kind === kind && price.unit === unit)]));
    const currency = rowCurrency([...matching.values()].map((ps) => ps.map(({ price }) => price.currency)));
    const mixed = [...matching.values()].some((ps) => ps.length > 0 && !ps.some(({ price }) => price.currency === currency));
    const unitLabel = unit.replace(/^PER_/, "per ").replace("1M_TOKENS", "1M tokens").replace("1K_REQUESTS", "1K requests").toLowerCase().replace("per 1m", "per 1M").replace("per 1k", "per 1K");
    return {
      key: unit === "PER_1M_TOKENS" ? `price.${kind}` : `price.${kind}.${unit}`,
      label: `${kind} price ${unitLabel}`,
      group: "prices",
      unit: `${currency} ${unitLabel}`,
      better: "LOWER" as const,
      cell: (m: Compared): RawCell => {
        const prices = matching.get(m) ?? [];
        if (prices.length === 0) return { value: null, providerId: null, offeringId: null };
        const inCurrency = prices.filter(({ price }) => price.currency === currency);
        const pool = inCurrency.length > 0 ? inCurrency : prices.filter(({ price }) => price.currency === rowCurrency([prices.map(({ price }) => price.currency)]));
        const cheapest = [...pool].sort(
          (a, b) => new Decimal(a.price.amount).comparedTo(b.price.amount) || byText(a.offering.providerId, b.offering.providerId) || byText(a.offering.id, b.offering.id),
        )[0];
        const amount = new Decimal(cheapest.price.amount);
        const foreign = cheapest.price.currency !== currency;
        return {
          value: foreign ? `${amount.toFixed()} ${cheapest.price.currency}` : amount.toFixed(),
          rankBy: mixed ? undefined : amount,
          providerId: cheapest.offering.providerId,
          offeringId: cheapest.offering.id,
        };
      },
    };
  });
}

function capabilityRows(models: Compared[]): RowSpec[] {
  const keys = [...new Set(models.flatMap((m) => m.capabilities.map((c) => c.key)))].sort(byText);
  return keys.map((key) => ({
    key: `capability.${key}`,
    label: key.replace(/[_-]+/g, " "),
    group: "capabilities",
    unit: null,
    better: "HIGHER" as const,
    cell: (m: Compared): RawCell => {
      const level = m.capabilities.find((c) => c.key === key)?.level;
      if (level === undefined) return { value: null };
      const supported = level !== "NOT_SUPPORTED";
      return { value: supported ? "yes" : "no", rankBy: new Decimal(supported ? 1 : 0) };
    },
  }));
}

const compareRanks = (a: Decimal | string, b: Decimal | string) =>
  typeof a === "string" || typeof b === "string" ? byText(String(a), String(b)) : a.comparedTo(b);

/** The known cells holding the best value: none unless all are rankable, two are known, and they differ. */
function bestOf(better: RowSpec["better"], known: RawCell[]): Set<RawCell> {
  if (better === "NONE" || known.length < 2 || known.some((c) => c.rankBy === undefined)) return new Set();
  const sign = better === "LOWER" ? -1 : 1;
  const top = known.reduce((best, c) => (sign * compareRanks(c.rankBy!, best.rankBy!) > 0 ? c : best));
  if (known.every((c) => compareRanks(c.rankBy!, top.rankBy!) === 0)) return new Set();
  return new Set(known.filter((c) => compareRanks(c.rankBy!, top.rankBy!) === 0));
}

/** compareModels(ids): throws naming the first unknown id. */
export function compareModels(catalog: CatalogArrays, ids: string[]) {
  if (ids.length === 0 || ids.length > 10) throw new Error("ids must name 1 to 10 models");
  const rows: ModelRow[] = [];
  for (const id of ids) {
    const model = catalog.findModel(id);
    if (!model) throw new Error(`No model "${id}"`);
    if (!rows.includes(model)) rows.push(model);
  }
  const compared: Compared[] = rows.map((model) => ({
    model,
    authorName: model.authorId ? (catalog.authorsById.get(model.authorId)?.name ?? null) : null,
    capabilities: catalog.capabilitiesByModel.get(model.id) ?? [],
    prices: catalog
      .comparedOfferingsOf(model.id)
      .flatMap((offering) => catalog.currentPrices(offering.id).filter((p) => p.mode === "STANDARD" && p.contextAbove === 0).map((price) => ({ price, offering }))),
  }));
  const specs = [...FIXED, ...priceRows(compared), ...capabilityRows(compared), ...TRAILING];
  return {
    models: rows,
    rows: specs.map((spec) => {
      const raw = compared.map((m) => ({ modelId: m.model.id, ...spec.cell(m) }));
      const known = raw.filter((c) => c.value !== null);
      const best = bestOf(spec.better, known);
      return {
        key: spec.key,
        label: spec.label,
        group: spec.group,
        unit: spec.unit,
        better: spec.better,
        differs: new Set(known.map((c) => c.value)).size > 1 || (known.length > 0 && known.length < raw.length),
        cells: raw.map((c) => ({ modelId: c.modelId, value: c.value, known: c.value !== null, best: best.has(c), providerId: c.providerId ?? null, offeringId: c.offeringId ?? null })),
      };
    }),
  };
}
