// Which source's value a field takes when sources disagree: one row per group of fields, with the
// rank of each document role, how ties inside a rank are broken, the order of formats, and the reason.
// An admin override outranks every row (see decideField). This table is the only place precedence is decided.

import { ADMIN_SOURCE_FORMAT, DOCUMENT_FORMATS, type DocumentSourceFormat } from "../../ingest/formatRegistry";
import type { DocumentRole } from "./documentRole";

/** The format of a source: a document format's (from the format registry), or ADMIN for what admins state. */
export type SourceFormat = DocumentSourceFormat | typeof ADMIN_SOURCE_FORMAT;
export type EntityType = "AUTHOR" | "PROVIDER" | "MODEL" | "OFFERING";

/**
 * How two values of a field are compared:
 * - count: numbers; a rounded display ("1.0M") agrees with any exact count it could be showing;
 * - date: ISO dates; a month ("2024-04") agrees with every day inside it;
 * - set: lists compared as sets (modalities, languages);
 * - price: { amount, currency } compared as exact decimals;
 * - text: free text (names, descriptions), where wording differs without anyone being wrong: never a conflict;
 * - level: a capability's level, where CORE and SUPPORTED both say "supported" (and CORE is kept);
 * - exact: anything else, equal or not (strings ignoring case).
 */
export type Comparison = "count" | "date" | "set" | "price" | "text" | "level" | "exact";

/**
 * The rank of every document role for a row: 1 is the highest. Roles of equal rank are one authority:
 * the field is decided among the highest-ranked role that states it, and only a document of that rank
 * stating something else makes a conflict; lower-ranked documents' values stay facts with provenance.
 */
export type RoleRanks = Readonly<Record<DocumentRole, number>>;

/**
 * How a tie among documents of the same rank is broken, in order (a document's file name never is):
 * - support: the value most documents (of any rank) agree with;
 * - recency: the document that says it changed the record most recently (its lastUpdated for the record);
 * - format: the row's order of formats;
 * - earliest: the earliest date stated (for a release date, which a later listing cannot move).
 */
export type TieBreak = "support" | "recency" | "format" | "earliest";

/**
 * A model's fields: the author's own documents (its card, its own API's provider file) first, then a
 * first-party cloud's card, then aggregators, then resellers restating a model they serve; OTHER (a
 * document whose role its path does not show) last.
 */
export const MODEL_ROLE_RANKS: RoleRanks = { AUTHOR: 1, OWNER: 1, CLOUD: 2, AGGREGATOR: 3, RESELLER: 4, OTHER: 5 };

/**
 * An offering's or provider's fields: the document of the provider that sells it (its own file, the
 * cloud's card, the aggregator's own listing: each speaks only for its own offerings) first, then the
 * author's, then other files.
 */
export const OWNER_ROLE_RANKS: RoleRanks = { OWNER: 1, CLOUD: 1, AGGREGATOR: 1, AUTHOR: 2, OTHER: 3, RESELLER: 4 };

/**
 * Roles whose documents speak for their own offering of a model, not for the model: when the highest
 * rank stating a model's field is one of these, the documents differing is offerings differing (one
 * reseller's endpoint passes tools through, another's does not), not a conflict of the model. The value
 * is still decided (by the row's tie-breaks) and every statement stays a fact with its provenance.
 */
export const OFFERING_VOICES: ReadonlySet<DocumentRole> = new Set<DocumentRole>(["RESELLER"]);

/** Inside a rank of a model's field: the value most documents state, then the newest document. */
const MODEL_TIES: readonly TieBreak[] = ["support", "recency", "format"];
/** Inside a rank of an offering's field: the provider's own live document format first (copies agree by copying). */
const OWNER_TIES: readonly TieBreak[] = ["format", "support", "recency"];

export interface PrecedenceRule {
  entity: EntityType;
  /** Field names, or a prefix ending in "." ("capability.", "price.") for a family of fields. */
  fields: readonly string[];
  /** Which documents decide: the rank of every role (see RoleRanks). */
  roles: RoleRanks;
  /** How a tie inside the highest rank stating the field is broken. */
  ties: readonly TieBreak[];
  /**
   * Formats whose documents rank below every role for this row, whatever their path says, because the
   * format is known to state the field badly (the why says how); their values still refine agreeing ones.
   */
  rankedLast?: readonly SourceFormat[];
  order: readonly SourceFormat[];
  comparison: Comparison;
  why: string;
}

export const PRECEDENCE: readonly PrecedenceRule[] = [
  {
    entity: "MODEL",
    fields: ["contextWindow", "maxInputTokens", "maxOutputTokens"],
    roles: MODEL_ROLE_RANKS,
    ties: MODEL_TIES,
    order: ["MODELS_DEV", "OPENROUTER", "STARMAP", "FOUNDRY"],
    comparison: "count",
    why: "The author's documents state the model's limits; a reseller's or aggregator's limit is its deployment's. Inside a rank: models.dev copies exact token limits from the author's API reference; OpenRouter reports what the upstream API accepts; Starmap shows rounded figures; a Foundry card describes Azure's deployment, which can differ from the author's model.",
  },
  {
    entity: "MODEL",
    fields: ["releaseDate"],
    roles: MODEL_ROLE_RANKS,
    ties: ["support", "earliest", "recency", "format"],
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "date",
    why: "The author's documents date the model; a reseller's release date is often when it listed the model. Inside a rank, as many documents for each date, the earliest wins: a model is out by the first date any document gives, and a later file's date is its listing (qiniu's 2025-09-09 for claude-3.5-sonnet, released 2024-10-22). Then models.dev and Starmap take dates from the author's announcements; OpenRouter's dates are when it listed the model on its own service.",
  },
  {
    entity: "MODEL",
    fields: ["knowledgeCutoff", "deprecationDate", "retirementDate"],
    roles: MODEL_ROLE_RANKS,
    ties: MODEL_TIES,
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "date",
    why: "The author's documents date the model; a reseller's release date is often when it listed the model. Inside a rank: models.dev and Starmap take dates from the author's announcements; OpenRouter's dates are when it listed or expires the model on its own service; a Foundry card gives only the month of its training data.",
  },
  {
    entity: "MODEL",
    fields: ["lastUpdated"],
    roles: MODEL_ROLE_RANKS,
    ties: MODEL_TIES,
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "text",
    why: "When a document last saw the model change: each source updates on its own schedule, so different dates are not a disagreement about the model.",
  },
  {
    entity: "MODEL",
    fields: ["inputModalities", "outputModalities", "languages"],
    roles: MODEL_ROLE_RANKS,
    ties: MODEL_TIES,
    rankedLast: ["STARMAP"],
    order: ["MODELS_DEV", "OPENROUTER", "FOUNDRY", "STARMAP"],
    comparison: "set",
    why: "The author's documents say what the model accepts; a reseller lists what its endpoint accepts. Inside a rank: models.dev and OpenRouter list what the API accepts (images, files); Foundry cards state input and output types; Starmap author pages omit modalities their own pipeline does not handle (gpt-4.1-mini shows text only; tts-1 outputs text), so Starmap ranks last whatever its page.",
  },
  {
    entity: "MODEL",
    fields: ["capability."],
    roles: MODEL_ROLE_RANKS,
    ties: MODEL_TIES,
    rankedLast: ["STARMAP"],
    order: ["MODELS_DEV", "OPENROUTER", "STARMAP", "FOUNDRY"],
    comparison: "level",
    why: "The author's own card and API file say what the model supports; a reseller's file says what its own endpoint passes through (kilo's temperature flag is no statement about morph's model), so it decides the model's flag only where no document ranked above states one, and never disputes one. Inside a rank: models.dev's flags are curated per model; OpenRouter derives them from the parameters its API passes through; Starmap's badges mix API parameters with features and mark parameters CORE for models without them (dall-e-3's temperature), so Starmap ranks last whatever its page, though its CORE is kept where a document ranked above says SUPPORTED; Foundry cards describe capabilities in prose.",
  },
  {
    entity: "MODEL",
    fields: ["name", "description", "family", "snapshot", "tokenizer", "huggingFaceId"],
    roles: MODEL_ROLE_RANKS,
    ties: MODEL_TIES,
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "text",
    why: "models.dev keeps the author's own display names; Starmap and OpenRouter add their own wording; Foundry cards name deployments. Differently worded names and descriptions are not conflicts.",
  },
  {
    entity: "MODEL",
    fields: ["authorId", "openWeights", "license", "status", "languageCount", "qualityIndex"],
    roles: MODEL_ROLE_RANKS,
    ties: MODEL_TIES,
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "exact",
    why: "The author's documents say who made the model, whether its weights are open and its licence; a reseller's file restates them, often with a default (open_weights = false for an open model). Inside a rank: models.dev's files are reviewed against the author's documentation; the others follow in how closely they track the author.",
  },
  {
    entity: "OFFERING",
    fields: ["price."],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "price",
    why: "The provider's own document first: a Foundry card speaks only for Microsoft Foundry's offering and OpenRouter's list only for OpenRouter's. Then models.dev, whose provider files track each provider's pricing page with exact decimals; Starmap's tables come from older snapshots.",
  },
  {
    entity: "OFFERING",
    fields: ["contextWindow", "maxInputTokens", "maxOutputTokens", "billingTierThresholds"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "count",
    why: "The provider's own document states its deployment's limits (Foundry for Microsoft Foundry, OpenRouter's list for OpenRouter); models.dev gives exact counts for the rest; Starmap rounds them.",
  },
  {
    entity: "OFFERING",
    fields: ["inputModalities", "outputModalities"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "set",
    why: "What an endpoint accepts is its provider's to say (OpenRouter's list for OpenRouter, a provider's models.dev file for its own API); a reseller that takes no images says so of its offering, not of the model.",
  },
  {
    entity: "OFFERING",
    fields: ["deprecationDate", "retirementDate"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "date",
    why: "The provider's own document knows its retirement schedule best (Foundry and OpenRouter each speak only for their own offerings); the catalogs follow.",
  },
  {
    entity: "OFFERING",
    fields: ["name"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "text",
    why: "The provider's own document names its offering best; names worded differently are not conflicts.",
  },
  {
    entity: "OFFERING",
    fields: ["capability."],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "level",
    why: "The provider's own document first (Foundry and OpenRouter each speak only for their own offerings), then the catalogs in how closely they track each provider.",
  },
  {
    entity: "OFFERING",
    fields: ["status"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["FOUNDRY", "OPENROUTER", "MODELS_DEV", "STARMAP"],
    comparison: "exact",
    why: "The provider's own document first (Foundry and OpenRouter each speak only for their own offerings), then the catalogs in how closely they track each provider.",
  },
  {
    entity: "PROVIDER",
    fields: ["name", "docsUrl", "apiUrl", "sdkPackage", "statusPageUrl", "privacyPolicyUrl", "headquarters"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["MODELS_DEV", "STARMAP", "FOUNDRY", "OPENROUTER"],
    comparison: "text",
    why: "models.dev's provider files are what SDKs use to connect; Starmap adds status and privacy pages. Links and names worded differently are not conflicts.",
  },
  {
    entity: "PROVIDER",
    fields: ["kind", "apiKeyEnvVars", "trainsOnData", "dataRetentionDays"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["MODELS_DEV", "STARMAP", "FOUNDRY", "OPENROUTER"],
    comparison: "exact",
    why: "models.dev names the variables SDKs read; Starmap is the only source of privacy terms.",
  },
  {
    entity: "AUTHOR",
    fields: ["name", "url", "description"],
    roles: OWNER_ROLE_RANKS,
    ties: OWNER_TIES,
    order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
    comparison: "text",
    why: "models.dev and Starmap describe authors; wording differences are not conflicts.",
  },
];

const FALLBACK: PrecedenceRule = {
  entity: "MODEL",
  fields: [],
  roles: MODEL_ROLE_RANKS,
  ties: MODEL_TIES,
  order: ["MODELS_DEV", "STARMAP", "OPENROUTER", "FOUNDRY"],
  comparison: "exact",
  why: "No row of the precedence table names this field; the general order of the catalogs applies.",
};

/** Each field's rule, found once: a seed asks for it 108,000 times. Bounded, as documents name fields. */
const rulesByField = new Map<string, PrecedenceRule>();

/** The row that decides `field` of an `entity`; a field no row names gets the general order. */
export function precedenceFor(entity: EntityType, field: string): PrecedenceRule {
  const key = `${entity} ${field}`;
  let rule = rulesByField.get(key);
  if (rule === undefined) {
    rule =
      PRECEDENCE.find((r) => r.entity === entity && r.fields.some((f) => (f.endsWith(".") ? field.startsWith(f) : f === field))) ??
      { ...FALLBACK, entity, ...(entity === "MODEL" ? {} : { roles: OWNER_ROLE_RANKS, ties: OWNER_TIES }) };
    if (rulesByField.size >= 10_000) rulesByField.clear();
    rulesByField.set(key, rule);
  }
  return rule;
}

/** How a decision's reason names a source of each format (each format's `sourceName`). */
export const SOURCE_LABEL: Readonly<Record<SourceFormat, string>> = {
  ...(Object.fromEntries(DOCUMENT_FORMATS.formats.map((f) => [f.sourceFormat, f.sourceName])) as Record<DocumentSourceFormat, string>),
  [ADMIN_SOURCE_FORMAT]: "an admin",
};

/** A source format's name in a decision's reason; a format the application does not list (a test's) by its own name. */
export function sourceLabel(format: SourceFormat): string {
  return SOURCE_LABEL[format] ?? format;
}
