import { containsPattern } from "../../db/sqlText";
import { capabilityKey } from "../../ingest/capabilityVocabulary";
import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";
import { ValidationError } from "../errors";
import type { LifecycleStatus, PriceKind, PriceMode, PriceUnit } from "../views";
import { isDecimalText, isIsoDay } from "../../ingest/units";

/** What a list of models can be narrowed by; every condition must hold. */
export interface ModelFilter {
  /** Words found in the id, an alias, the name or the description (case-insensitive). */
  search?: string | null;
  ids?: string[] | null;
  authorIds?: string[] | null;
  /** Served by at least one of these providers. */
  providerIds?: string[] | null;
  families?: string[] | null;
  /** Supports (or has as a core parameter) every one of these capabilities. */
  capabilities?: string[] | null;
  inputModalities?: string[] | null;
  outputModalities?: string[] | null;
  minContextWindow?: number | null;
  minMaxOutputTokens?: number | null;
  /** Some offering (of `providerIds`, when given) prices this kind at or below this amount. */
  maxPrice?: { kind: PriceKind; amount: string; unit?: PriceUnit | null; mode?: PriceMode | null; currency?: string | null } | null;
  openWeights?: boolean | null;
  releasedAfter?: string | null;
  releasedBefore?: string | null;
  statuses?: LifecycleStatus[] | null;
}

/** The unit a kind is priced in by default. */
export function defaultUnit(kind: PriceKind): PriceUnit {
  if (kind === "REQUEST" || kind === "WEB_SEARCH") return "PER_REQUEST";
  if (kind === "INPUT_IMAGE" || kind === "OUTPUT_IMAGE") return "PER_IMAGE";
  return "PER_1M_TOKENS";
}


/**
 * SQL conditions (on "Model" m) for a filter, with their parameters appended to `params`.
 * Throws a ValidationError naming the filter field for values that cannot match anything sensibly.
 */
export function modelFilterSql(filter: ModelFilter | null | undefined, params: unknown[]): string[] {
  const where: string[] = [];
  if (!filter) return where;
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const list = (name: string, values: string[] | null | undefined, normalize: (v: string) => string = (v) => v) => {
    if (values == null) return undefined;
    if (values.length > 200) throw new ValidationError(`filter.${name} takes at most 200 values`, `filter.${name}`);
    return values.map(normalize);
  };
  const count = (name: string, value: number | null | undefined) => {
    if (value == null) return undefined;
    if (!Number.isInteger(value) || value < 0) throw new ValidationError(`filter.${name} must be a whole number of tokens, got ${value}`, `filter.${name}`);
    return value;
  };

  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw new ValidationError("filter.search is longer than 200 characters", "filter.search");
    const pattern = bind(containsPattern(search));
    where.push(`(m.id ILIKE ${pattern} OR m.name ILIKE ${pattern} OR m.description ILIKE ${pattern} OR EXISTS (SELECT 1 FROM "ModelAlias" a WHERE a."modelId" = m.id AND a.alias ILIKE ${pattern}))`);
  }
  const ids = list("ids", filter.ids, (v) => v.trim().toLowerCase());
  if (ids) where.push(`(m.id = ANY(${bind(ids)}::text[]) OR EXISTS (SELECT 1 FROM "ModelAlias" a WHERE a."modelId" = m.id AND a.alias = ANY(${bind(ids)}::text[])))`);
  const authors = list("authorIds", filter.authorIds, canonicalAuthorId);
  if (authors) where.push(`m."authorId" = ANY(${bind(authors)}::text[])`);
  const providers = list("providerIds", filter.providerIds, canonicalProviderId);
  if (providers) where.push(`EXISTS (SELECT 1 FROM "Offering" o WHERE o."modelId" = m.id AND o."providerId" = ANY(${bind(providers)}::text[]))`);
  const families = list("families", filter.families);
  if (families) where.push(`m.family = ANY(${bind(families)}::text[])`);
  const capabilities = list("capabilities", filter.capabilities, capabilityKey);
  if (capabilities && capabilities.length > 0) {
    const unique = [...new Set(capabilities)];
    where.push(
      `(SELECT count(*) FROM "ModelCapability" c WHERE c."modelId" = m.id AND c."capabilityKey" = ANY(${bind(unique)}::text[]) AND c.level IN ('SUPPORTED', 'CORE')) = ${unique.length}`,
    );
  }
  const inputs = list("inputModalities", filter.inputModalities, (v) => v.trim().toLowerCase());
  if (inputs && inputs.length > 0) where.push(`m."inputModalities" @> ${bind(inputs)}::text[]`);
  const outputs = list("outputModalities", filter.outputModalities, (v) => v.trim().toLowerCase());
  if (outputs && outputs.length > 0) where.push(`m."outputModalities" @> ${bind(outputs)}::text[]`);
  const minContext = count("minContextWindow", filter.minContextWindow);
  if (minContext !== undefined) where.push(`m."contextWindow" >= ${bind(minContext)}`);
  const minOutput = count("minMaxOutputTokens", filter.minMaxOutputTokens);
  if (minOutput !== undefined) where.push(`m."maxOutputTokens" >= ${bind(minOutput)}`);
  if (filter.maxPrice) {
    const { kind, amount } = filter.maxPrice;
    if (!isDecimalText(amount) || amount.trim().startsWith("-")) throw new ValidationError(`filter.maxPrice.amount must be a non-negative decimal, got "${amount}"`, "filter.maxPrice.amount");
    const unit = filter.maxPrice.unit ?? defaultUnit(kind);
    const mode = filter.maxPrice.mode ?? "STANDARD";
    const currency = (filter.maxPrice.currency ?? "USD").toUpperCase();
    where.push(
      `EXISTS (SELECT 1 FROM "Offering" o JOIN "Price" p ON p."offeringId" = o.id WHERE o."modelId" = m.id AND p."validTo" IS NULL AND p."contextAbove" = 0` +
        ` AND p.kind = ${bind(kind)}::"PriceKind" AND p.unit = ${bind(unit)}::"PriceUnit" AND p.mode = ${bind(mode)}::"PriceMode" AND p.currency = ${bind(currency)}` +
        ` AND p.amount <= ${bind(amount.trim())}::numeric${providers ? ` AND o."providerId" = ANY(${bind(providers)}::text[])` : ""})`,
    );
  }
  if (filter.openWeights != null) where.push(`m."openWeights" = ${bind(filter.openWeights)}`);
  for (const [name, op] of [["releasedAfter", ">="], ["releasedBefore", "<="]] as const) {
    const value = filter[name];
    if (value == null) continue;
    if (!isIsoDay(value)) throw new ValidationError(`filter.${name} must be a date like 2025-04-14, got "${value}"`, `filter.${name}`);
    where.push(`m."releaseDate" ${op} ${bind(value)}::date`);
  }
  if (filter.releasedAfter && filter.releasedBefore && filter.releasedAfter > filter.releasedBefore) {
    throw new ValidationError("filter.releasedAfter is later than filter.releasedBefore", "filter.releasedAfter");
  }
  if (filter.statuses && filter.statuses.length > 0) where.push(`m.status = ANY(${bind(filter.statuses)}::text[]::"LifecycleStatus"[])`);
  return where;
}
