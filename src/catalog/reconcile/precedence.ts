// Which source's value a field takes when sources disagree: one row per group of fields, with the
// order of sources and the reason for it. An admin override outranks every row (see decideField).
// This table is the only place precedence is decided.

export type SourceFormat = "FOUNDRY" | "STARMAP" | "MODELS_DEV" | "OPENROUTER" | "ADMIN";
export type EntityType = "AUTHOR" | "PROVIDER" | "MODEL" | "OFFERING";

/**
 * How two values of a field are compared:
 * - count: numbers; a rounded display ("1.0M") agrees with any exact count it could be showing;
 * - date: ISO dates; a month ("2024-04") agrees with every day inside it;
 * - set: lists compared as sets (modalities, languages);
 * - price: { amount, currency } compared as exact decimals;
 * - text: free text (names, descriptions), where wording differs without anyone being wrong: never a conflict;
 * - exact: anything else, equal or not (strings ignoring case).
 */
export type Comparison = "count" | "date" | "set" | "price" | "text" | "exact";

export interface PrecedenceRule {
  entity: EntityType;
  /** Field names, or a prefix ending in "." ("capability.", "price.") for a family of fields. */
  fields: readonly string[];
  order: readonly SourceFormat[];
  comparison: Comparison;
  why: string;
}

export const PRECEDENCE: readonly PrecedenceRule[] = [
  {
    entity: "MODEL",
    fields: ["contextWindow", "maxInputTokens", "maxOutputTokens"],
    order: ["MODELS_DEV", "OPENROUTER", "STARMAP", "FOUNDRY"],
    comparison: "count",
    why: "models.dev copies exact token limits from the author's API reference; OpenRouter reports what the upstream API accepts; Starmap shows rounded figures; a Foundry card describes Azure's deployment, which can differ from the author's model.",
  },
  {
    entity: "MODEL",
    fields: ["releaseDate", "knowledgeCutoff", "deprecationDate", "retirementDate"],
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "date",
    why: "models.dev and Starmap take dates from the author's announcements; OpenRouter's dates are when it listed or expires the model on its own service; a Foundry card gives only the month of its training data.",
  },
  {
    entity: "MODEL",
    fields: ["lastUpdated"],
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "text",
    why: "When a document last saw the model change: each source updates on its own schedule, so different dates are not a disagreement about the model.",
  },
  {
    entity: "MODEL",
    fields: ["inputModalities", "outputModalities", "languages"],
    order: ["MODELS_DEV", "OPENROUTER", "FOUNDRY", "STARMAP"],
    comparison: "set",
    why: "models.dev and OpenRouter list what the API accepts (images, files); Foundry cards state input and output types; Starmap author pages omit modalities their own pipeline does not handle (gpt-4.1-mini shows text only).",
  },
  {
    entity: "MODEL",
    fields: ["capability."],
    order: ["MODELS_DEV", "OPENROUTER", "STARMAP", "FOUNDRY"],
    comparison: "exact",
    why: "models.dev's flags are curated per model; OpenRouter derives them from the parameters its API passes through; Starmap's badges mix API parameters with features; Foundry cards describe capabilities in prose.",
  },
  {
    entity: "MODEL",
    fields: ["name", "description", "family", "snapshot", "tokenizer", "huggingFaceId"],
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "text",
    why: "models.dev keeps the author's own display names; Starmap and OpenRouter add their own wording; Foundry cards name deployments. Differently worded names and descriptions are not conflicts.",
  },
  {
    entity: "MODEL",
    fields: ["authorId", "openWeights", "license", "status", "languageCount", "qualityIndex"],
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "exact",
    why: "models.dev's files are reviewed against the author's documentation; the others follow in how closely they track the author.",
  },
  {
    entity: "OFFERING",
    fields: ["price."],
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "price",
    why: "The provider's own document first: a Foundry card speaks only for Microsoft Foundry's offering and OpenRouter's list only for OpenRouter's. Then models.dev, whose provider files track each provider's pricing page with exact decimals; Starmap's tables come from older snapshots.",
  },
  {
    entity: "OFFERING",
    fields: ["contextWindow", "maxInputTokens", "maxOutputTokens", "billingTierThresholds"],
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "count",
    why: "The provider's own document states its deployment's limits (Foundry for Microsoft Foundry, OpenRouter's list for OpenRouter); models.dev gives exact counts for the rest; Starmap rounds them.",
  },
  {
    entity: "OFFERING",
    fields: ["deprecationDate", "retirementDate"],
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "date",
    why: "The provider's own document knows its retirement schedule best (Foundry and OpenRouter each speak only for their own offerings); the catalogs follow.",
  },
  {
    entity: "OFFERING",
    fields: ["name"],
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "text",
    why: "The provider's own document names its offering best; names worded differently are not conflicts.",
  },
  {
    entity: "OFFERING",
    fields: ["capability."],
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "exact",
    why: "The provider's own document first (Foundry and OpenRouter each speak only for their own offerings), then the catalogs in how closely they track each provider.",
  },
  {
    entity: "OFFERING",
    fields: ["status"],
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "exact",
    why: "The provider's own document first (Foundry and OpenRouter each speak only for their own offerings), then the catalogs in how closely they track each provider.",
  },
  {
    entity: "PROVIDER",
    fields: ["name", "docsUrl", "apiUrl", "sdkPackage", "statusPageUrl", "privacyPolicyUrl", "headquarters"],
    order: ["MODELS_DEV", "STARMAP", "FOUNDRY", "OPENROUTER"],
    comparison: "text",
    why: "models.dev's provider files are what SDKs use to connect; Starmap adds status and privacy pages. Links and names worded differently are not conflicts.",
  },
  {
    entity: "PROVIDER",
    fields: ["kind", "apiKeyEnvVars", "trainsOnData", "dataRetentionDays"],
    order: ["MODELS_DEV", "STARMAP", "FOUNDRY", "OPENROUTER"],
    comparison: "exact",
    why: "models.dev names the variables SDKs read; Starmap is the only source of privacy terms.",
  },
  {
    entity: "AUTHOR",
    fields: ["name", "url", "description"],
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "text",
    why: "models.dev and Starmap describe authors; wording differences are not conflicts.",
  },
];

const FALLBACK: PrecedenceRule = {
  entity: "MODEL",
  fields: [],
  order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
  comparison: "exact",
  why: "No row of the precedence table names this field; the general order of the catalogs applies.",
};

/** The row that decides `field` of an `entity`; a field no row names gets the general order. */
export function precedenceFor(entity: EntityType, field: string): PrecedenceRule {
  return (
    PRECEDENCE.find(
      (rule) => rule.entity === entity && rule.fields.some((f) => (f.endsWith(".") ? field.startsWith(f) : f === field)),
    ) ?? { ...FALLBACK, entity }
  );
}

export const SOURCE_LABEL: Record<SourceFormat, string> = {
  FOUNDRY: "the Foundry card",
  STARMAP: "Starmap",
  MODELS_DEV: "models.dev",
  OPENROUTER: "OpenRouter",
  ADMIN: "an admin",
};
