// The catalog as plain rows, the way the in-memory contenders hold it: exported once per run from the
// database our server seeded (catalogExport.ts), written to bench/.data/catalog.json, loaded by each.
// Amounts are exact decimal strings in plain notation ("0.4"); dates are ISO days or instants.

export interface AuthorRow {
  id: string;
  name: string;
}

export interface ProviderRow {
  id: string;
  name: string;
}

export interface ModelRow {
  id: string;
  name: string;
  authorId: string | null;
  family: string | null;
  description: string | null;
  status: string;
  openWeights: boolean | null;
  license: string | null;
  contextWindow: number | null;
  maxInputTokens: number | null;
  maxOutputTokens: number | null;
  inputModalities: string[];
  outputModalities: string[];
  /** ISO day. */
  releaseDate: string | null;
  releaseDatePrecision: string | null;
  knowledgeCutoff: string | null;
  knowledgeCutoffPrecision: string | null;
  lastUpdated: string | null;
}

export interface AliasRow {
  alias: string;
  modelId: string;
}

export interface OfferingRow {
  id: string;
  providerId: string;
  modelId: string;
  providerModelId: string;
  name: string | null;
}

export interface PriceRow {
  id: string;
  offeringId: string;
  kind: string;
  unit: string;
  mode: string;
  contextAbove: number;
  amount: string;
  currency: string;
  /** ISO instant. */
  validFrom: string;
  /** null while the price is current. */
  validTo: string | null;
}

export interface CapabilityRow {
  modelId: string;
  capabilityKey: string;
  level: string;
}

export interface SourceRow {
  id: string;
  uri: string;
}

/** A field's decision, for the models' provenance. */
export interface DecisionRow {
  entityId: string;
  field: string;
  chosenValue: unknown;
  rule: string;
}

/** One source's value for a field of a model. */
export interface FactRow {
  entityId: string;
  field: string;
  value: unknown;
  locator: string;
  sourceId: string;
}

export interface CatalogFile {
  exportedAt: string;
  authors: AuthorRow[];
  providers: ProviderRow[];
  models: ModelRow[];
  aliases: AliasRow[];
  offerings: OfferingRow[];
  prices: PriceRow[];
  capabilities: CapabilityRow[];
  sources: SourceRow[];
  /** Of models only: the benchmark asks no other entity's provenance. */
  decisions: DecisionRow[];
  facts: FactRow[];
}
