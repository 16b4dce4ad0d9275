/** One tab of the playground: GraphiQL's `TabDefinition` (its title comes from the operation name). */
export interface ExampleOperation {
  query: string;
  variables?: string;
}

/**
 * The operations the playground opens with, one tab each, in this order: the first tab is the one a
 * visitor sees (and the one the browser test runs), so it must stay a lookup that works on the seed.
 */
export const exampleOperations: readonly ExampleOperation[] = [
  {
    query: `# One model, its limits, and what each provider charges for it.
query Lookup {
  model(id: "gpt-4.1-mini") {
    id
    name
    contextWindow
    maxOutputTokens
    knowledgeCutoff
    inputModalities
    offerings {
      provider { id name }
      prices { kind unit amount currency }
    }
  }
}
`,
  },
  {
    query: `# Models that call tools, read at least 100k tokens and charge at most $1 per million input tokens, cheapest first.
query CheapToolCallers {
  models(
    filter: { capabilities: ["tool_calls"], minContextWindow: 100000, maxPrice: { kind: INPUT, amount: "1" } }
    orderBy: [{ field: PRICE, priceKind: INPUT, direction: ASC }]
    first: 10
  ) {
    totalCount
    edges { cursor node { id name contextWindow } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    query: `# Three models side by side; "differs" marks the rows where they disagree, "best" the winning cells.
query Compare {
  compareModels(ids: ["gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o-mini"]) {
    models { id name }
    rows { key label group differs cells { modelId value known best } }
  }
}
`,
  },
  {
    query: `# What a workload would cost on each matching offering, line by line, cheapest first.
query Estimate {
  estimateCost(
    workload: { inputTokens: 200000, outputTokens: 20000, cachedInputTokens: 50000, requests: 10 }
    filter: { search: "gpt-4.1" }
    first: 5
  ) {
    totalCount
    estimates {
      model { id }
      offering { id provider { id } }
      total
      currency
      lines { kind quantity amount price { amount unit contextAbove } }
    }
  }
}
`,
  },
  {
    query: `# Where a value came from: the rule that chose it, and every source's candidate, conflicts included.
query WhereFrom {
  model(id: "gpt-4.1-mini") {
    provenance(field: "contextWindow") {
      field
      value
      rule
      hasConflict
      candidates { value rawValue locator source { uri format } }
    }
  }
}
`,
  },
];
