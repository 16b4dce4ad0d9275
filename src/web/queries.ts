// The operations the page sends, named after what they serve, with the shapes of their answers.
import type { Route, SortKey } from "./route";

export interface Money {
  amount: string;
  currency: string;
  unit: string;
}

export interface ModelRow {
  id: string;
  name: string;
  status: string;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  releaseDate: string | null;
  openWeights: boolean | null;
  inputModalities: string[];
  outputModalities: string[];
  author: { id: string; name: string } | null;
  input: Money | null;
  output: Money | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface FindData {
  models: { totalCount: number; pageInfo: PageInfo; edges: { node: ModelRow }[] };
}

export const PAGE_SIZE = 25;

export const FIND_QUERY = `query CatalogPageFind($filter: ModelFilter, $orderBy: [ModelOrder!], $first: Int, $after: String, $last: Int, $before: String) {
  models(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node {
      id name status contextWindow maxOutputTokens releaseDate openWeights inputModalities outputModalities
      author { id name }
      input: cheapestPrice(kind: INPUT) { amount currency unit }
      output: cheapestPrice(kind: OUTPUT) { amount currency unit }
    } }
  }
}`;

export interface Capability {
  key: string;
  name: string;
  category: string;
}

export interface Choice {
  id: string;
  name: string;
}

export const CAPABILITIES_QUERY = `query CatalogPageCapabilities { capabilities { key name category } }`;

export const CHOICES_QUERY = `query CatalogPageChoices($authorsAfter: String, $providersAfter: String) {
  authors(first: 100, after: $authorsAfter) { pageInfo { hasNextPage endCursor } edges { node { id name } } }
  providers(first: 100, after: $providersAfter) { pageInfo { hasNextPage endCursor } edges { node { id name } } }
}`;

const ORDER: Record<SortKey, { field: string; priceKind?: string; direction: "ASC" | "DESC" }> = {
  name: { field: "NAME", direction: "ASC" },
  release: { field: "RELEASE_DATE", direction: "DESC" },
  context: { field: "CONTEXT_WINDOW", direction: "DESC" },
  input: { field: "PRICE", priceKind: "INPUT", direction: "ASC" },
  output: { field: "PRICE", priceKind: "OUTPUT", direction: "ASC" },
};

/** The `ModelFilter` the find state describes (also what the Cost view prices when nothing is picked). */
export function modelFilter(route: Route): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (route.q.trim() !== "") filter.search = route.q.trim();
  if (route.author !== "") filter.authorIds = [route.author];
  if (route.provider !== "") filter.providerIds = [route.provider];
  if (route.caps.length > 0) filter.capabilities = route.caps;
  if (route.inMod.length > 0) filter.inputModalities = route.inMod;
  if (route.outMod.length > 0) filter.outputModalities = route.outMod;
  // Sent as typed: the API says in words what it cannot read.
  if (route.minContext !== "") filter.minContextWindow = /^\d+$/.test(route.minContext) ? Number(route.minContext) : route.minContext;
  if (route.openWeights !== "") filter.openWeights = route.openWeights === "yes";
  if (route.status !== "") filter.statuses = [route.status];
  if (route.maxPrice !== "") filter.maxPrice = { kind: route.maxPriceKind, amount: route.maxPrice };
  return filter;
}

/** The variables of {@link FIND_QUERY}: the filter, the order and the page the route names. */
export function findVariables(route: Route): Record<string, unknown> {
  const order = ORDER[route.sort];
  const direction = route.reverse ? (order.direction === "ASC" ? "DESC" : "ASC") : order.direction;
  const orderBy = [{ field: order.field, direction, ...(order.priceKind ? { priceKind: order.priceKind } : {}) }];
  const search = route.q.trim() !== "";
  return {
    filter: modelFilter(route),
    // A search without a chosen order lists the best matches first.
    orderBy: search && route.sort === "name" && !route.reverse ? null : orderBy,
    ...(route.before !== "" ? { last: PAGE_SIZE, before: route.before } : { first: PAGE_SIZE, after: route.after || null }),
  };
}

export interface Candidate {
  value: unknown;
  rawValue: string | null;
  locator: string;
  chosen: boolean;
  agrees: boolean;
  source: { uri: string };
}

export interface FieldProvenance {
  field: string;
  value: unknown;
  rule: string;
  hasConflict: boolean;
  candidates: Candidate[];
}

export interface Price {
  id: string;
  kind: string;
  unit: string;
  mode: string;
  contextAbove: number;
  amount: string;
  currency: string;
  validFrom: string;
}

export interface OfferingDetail {
  id: string;
  name: string | null;
  providerModelId: string;
  status: string;
  free: boolean;
  router: boolean;
  contextWindow: number | null;
  maxInputTokens: number | null;
  maxOutputTokens: number | null;
  billingTierThresholds: number[];
  provider: { id: string; name: string };
  capabilities: { key: string; supported: boolean; level: string }[];
  prices: Price[];
  provenance: FieldProvenance[];
}

export interface ModelDetail {
  id: string;
  name: string;
  description: string | null;
  family: string | null;
  status: string;
  releaseDate: string | null;
  releaseDatePrecision: string | null;
  knowledgeCutoff: string | null;
  knowledgeCutoffPrecision: string | null;
  contextWindow: number | null;
  maxInputTokens: number | null;
  maxOutputTokens: number | null;
  openWeights: boolean | null;
  license: string | null;
  tokenizer: string | null;
  deprecationDate: string | null;
  retirementDate: string | null;
  inputModalities: string[];
  outputModalities: string[];
  aliases: string[];
  author: { id: string; name: string } | null;
  capabilities: { key: string; supported: boolean; level: string }[];
  provenance: FieldProvenance[];
  offerings: OfferingDetail[];
}

export interface ModelData {
  model: ModelDetail | null;
  capabilities: Capability[];
}

const PROVENANCE = `field value rule hasConflict candidates { value rawValue locator chosen agrees source { uri } }`;

export const MODEL_QUERY = `query CatalogPageModel($id: ID!) {
  model(id: $id) {
    id name description family status releaseDate releaseDatePrecision knowledgeCutoff knowledgeCutoffPrecision contextWindow maxInputTokens maxOutputTokens
    openWeights license tokenizer deprecationDate retirementDate inputModalities outputModalities aliases
    author { id name }
    capabilities { key supported level }
    provenance { ${PROVENANCE} }
    offerings {
      id name providerModelId status free router contextWindow maxInputTokens maxOutputTokens billingTierThresholds
      provider { id name }
      capabilities { key supported level }
      prices { id kind unit mode contextAbove amount currency validFrom }
      provenance { ${PROVENANCE} }
    }
  }
  capabilities { key name category }
}`;

export interface ComparisonCell {
  modelId: string;
  value: string | null;
  known: boolean;
  best: boolean;
  providerId: string | null;
}

export interface ComparisonRow {
  key: string;
  label: string;
  group: string;
  unit: string | null;
  better: string;
  differs: boolean;
  cells: ComparisonCell[];
}

export interface CompareData {
  compareModels: { models: { id: string; name: string }[]; rows: ComparisonRow[] };
}

export const COMPARE_QUERY = `query CatalogPageCompare($ids: [ID!]!) {
  compareModels(ids: $ids) {
    models { id name }
    rows { key label group unit better differs cells { modelId value known best providerId } }
  }
}`;

export const SUGGEST_QUERY = `query CatalogPageSuggest($search: String!) {
  models(filter: { search: $search }, first: 8) { edges { node { id name } } }
}`;

export interface SuggestData {
  models: { edges: { node: { id: string; name: string } }[] };
}

export interface CostEstimate {
  total: string;
  currency: string;
  complete: boolean;
  missing: string[];
  tierAbove: number;
  model: { id: string; name: string };
  offering: { id: string; provider: { id: string; name: string } };
  lines: { kind: string; quantity: string; amount: string; note: string | null }[];
}

export interface CostData {
  estimateCost: { totalCount: number; estimates: CostEstimate[] };
}

export const COST_LIMIT = 50;

export const COST_QUERY = `query CatalogPageCost($workload: WorkloadInput!, $filter: ModelFilter, $first: Int, $cheapestPerModel: Boolean) {
  estimateCost(workload: $workload, filter: $filter, first: $first, cheapestPerModel: $cheapestPerModel) {
    totalCount
    estimates {
      total currency complete missing tierAbove
      model { id name }
      offering { id provider { id name } }
      lines { kind quantity amount note }
    }
  }
}`;

/** The workload the route describes; counts are sent as typed (digits), and the API refuses what is not a count. */
export function workloadOf(route: Route): Record<string, unknown> {
  const workload: Record<string, unknown> = { mode: route.mode };
  const counts: [keyof Route, string][] = [
    ["input", "inputTokens"],
    ["output", "outputTokens"],
    ["cached", "cachedInputTokens"],
    ["requests", "requests"],
  ];
  for (const [key, field] of counts) {
    const value = String(route[key]).trim().replace(/[_,\s]/g, "");
    if (value !== "") workload[field] = value;
  }
  return workload;
}

export interface HistoryPoint {
  amount: string;
  currency: string;
  unit: string;
  contextAbove: number;
  validFrom: string;
  validTo: string | null;
}

export interface HistoryData {
  offering: { id: string; provider: { name: string }; model: { id: string; name: string } } | null;
  input: { edges: { node: HistoryPoint }[] };
  output: { edges: { node: HistoryPoint }[] };
}

export const HISTORY_QUERY = `query CatalogPagePriceHistory($id: ID!) {
  offering(id: $id) { id provider { name } model { id name } }
  input: priceHistory(offeringId: $id, kind: INPUT, mode: STANDARD, first: 100) { edges { node { amount currency unit contextAbove validFrom validTo } } }
  output: priceHistory(offeringId: $id, kind: OUTPUT, mode: STANDARD, first: 100) { edges { node { amount currency unit contextAbove validFrom validTo } } }
}`;
