// The operations the serving benchmark sends, written against schema.graphql, and PostGraphile's own
// shape of the list. Every contender gets exactly these request bodies, so a recorded answer of ours can
// be replayed byte for byte by the static contender.

export type QueryName = "list" | "filtered" | "model" | "compare" | "estimate";

export interface BenchQuery {
  name: QueryName;
  /** What it exercises, for the report. */
  what: string;
  query: string;
}

/** Ids for `compare`; each must exist in the seeded catalog (the run checks our answer before measuring). */
export const COMPARED_IDS = ["gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o-mini", "claude-3-5-haiku"];

export const QUERIES: readonly BenchQuery[] = [
  {
    name: "list",
    what: "models(first: 20), each with its offerings, provider and current INPUT and OUTPUT prices",
    query: `query List {
  models(first: 20) {
    edges { node { id name contextWindow offerings { id provider { id } input: prices(kind: INPUT) { amount currency unit } output: prices(kind: OUTPUT) { amount currency unit } } } }
  }
}`,
  },
  {
    name: "filtered",
    what: "tool callers with >= 100k context, cheapest input price first, 20 with their cheapest input price",
    query: `query Filtered {
  models(filter: { capabilities: ["tool_calls"], minContextWindow: 100000 }, orderBy: [{ field: PRICE, priceKind: INPUT }], first: 20) {
    edges { node { id name contextWindow cheapestPrice(kind: INPUT) { amount } } }
  }
}`,
  },
  {
    name: "model",
    what: `model(id: "gpt-4.1-mini") with capabilities, offerings with prices, and the provenance of its context window`,
    query: `query OneModel {
  model(id: "gpt-4.1-mini") {
    id name contextWindow
    capabilities { key level supported }
    offerings { id provider { id } prices { kind unit mode contextAbove amount currency } }
    provenance(field: "contextWindow") { value rule candidates { value locator } }
  }
}`,
  },
  {
    name: "compare",
    what: `compareModels of ${COMPARED_IDS.length} models: every row's key and cells`,
    query: `query Compare {
  compareModels(ids: [${COMPARED_IDS.map((id) => JSON.stringify(id)).join(", ")}]) { rows { key cells { value best } } }
}`,
  },
  {
    name: "estimate",
    what: "estimateCost of 200k input + 20k output tokens over every offering, the 20 cheapest",
    query: `query Estimate {
  estimateCost(workload: { inputTokens: 200000, outputTokens: 20000 }, first: 20) { totalCount estimates { total offering { id } } }
}`,
  },
];

/**
 * PostGraphile 5's generated equivalent of `list` (amber preset, default inflection): the first 20 models by
 * name (case-sensitive `name`, where ours sorts by lower(name)), each model's offerings by provider, and
 * each offering's current (validTo null) INPUT and OUTPUT price rows. Amounts come as PostgreSQL prints
 * numeric(24,12) ("0.400000000000"), not normalized.
 */
export const POSTGRAPHILE_LIST = `query List {
  allModels(first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) {
    nodes {
      rowId name contextWindow
      offeringsByModelId(orderBy: [PROVIDER_ID_ASC, ROW_ID_ASC]) {
        nodes {
          rowId providerByProviderId { rowId }
          input: pricesByOfferingId(condition: { kind: INPUT, validTo: null }) { nodes { amount currency unit } }
          output: pricesByOfferingId(condition: { kind: OUTPUT, validTo: null }) { nodes { amount currency unit } }
        }
      }
    }
  }
}`;

/** The readiness and health question every GraphQL contender can answer (ours answers it from its database). */
export const HEALTH_QUERY = "{ health { status } }";

/** The JSON body a query is sent as. */
export function requestBody(query: string): string {
  return JSON.stringify({ query });
}
