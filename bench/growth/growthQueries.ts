// The queries the growth benchmark times: each a fixed-size answer (a page of 20, one model, four models),
// so that any growth of its latency with the catalog is cost the answer's size does not explain.

export interface GrowthQuery {
  name: string;
  query: string;
  /** Where the answer says how many items matched, when it does (shown beside the latency). */
  totalCount?: (data: Record<string, any>) => number;
}

export const GROWTH_QUERIES: GrowthQuery[] = [
  {
    name: "list",
    query: `{ models(first: 20) { edges { node { id name contextWindow offerings { id provider { id } input: prices(kind: INPUT) { amount } output: prices(kind: OUTPUT) { amount } } } } } }`,
  },
  {
    name: "filtered",
    query: `{ models(filter: { capabilities: ["tool_calls"], minContextWindow: 100000 }, orderBy: [{ field: PRICE, priceKind: INPUT }], first: 20) { totalCount edges { node { id cheapestPrice(kind: INPUT) { amount } } } } }`,
    totalCount: (data) => data.models.totalCount,
  },
  {
    name: "search",
    query: `{ models(filter: { search: "llama 3.1 70b" }, first: 20) { totalCount edges { node { id } } } }`,
    totalCount: (data) => data.models.totalCount,
  },
  {
    name: "model",
    query: `{ model(id: "gpt-4.1-mini") { id capabilities { key } offerings { id prices { kind amount } } } }`,
  },
  {
    name: "compare",
    query: `{ compareModels(ids: ["gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o-mini", "claude-3-5-haiku"]) { rows { key cells { value best } } } }`,
  },
  {
    name: "estimate",
    query: `{ estimateCost(workload: { inputTokens: 200000, outputTokens: 20000 }, filter: { search: "gpt" }, first: 20) { totalCount estimates { total } } }`,
    totalCount: (data) => data.estimateCost.totalCount,
  },
  {
    // Not in the brief: "gpt" selects more than the 10,000 models an estimate may price at 100×, so this
    // narrower one (30 models at 1×) keeps a figure at every size.
    name: "estimate gpt-4o",
    query: `{ estimateCost(workload: { inputTokens: 200000, outputTokens: 20000 }, filter: { search: "gpt-4o" }, first: 20) { totalCount estimates { total } } }`,
    totalCount: (data) => data.estimateCost.totalCount,
  },
];
