import { precedenceFor, SOURCE_LABEL, type EntityType, type SourceFormat } from "./precedence";
import { exactness, valuesAgree, type QualifiedValue } from "./valueAgreement";

/** One source's value for a field: a stored fact. */
export interface Candidate extends QualifiedValue {
  factId: string;
  format: SourceFormat;
  sourceUri: string;
  locator: string;
}

export interface AdminOverride {
  value: unknown;
  reason: string;
}

export interface FieldDecision {
  value: unknown;
  /** The fact whose value was taken; undefined when an admin override decided. */
  chosen?: Candidate;
  /** The rule that decided, in words a user can read. */
  rule: string;
  /** Whether some source states a value that does not agree with the chosen one. */
  hasConflict: boolean;
}

/**
 * Decides a field from every source's value: an admin override wins outright; otherwise the source the
 * precedence table ranks first, refined by a more exact value that agrees with it (Starmap's "1.0M"
 * gives way to an agreeing 1,047,576; a month to a day inside it). Ties go to the source listed first
 * by URI, so the decision never depends on load order.
 * Throws when there is neither a candidate nor an override.
 */
export function decideField(entity: EntityType, field: string, candidates: Candidate[], override?: AdminOverride): FieldDecision {
  const rule = precedenceFor(entity, field);
  const rank = (c: Candidate) => {
    const i = rule.order.indexOf(c.format);
    return i < 0 ? rule.order.length : i;
  };
  const ranked = [...candidates].sort((a, b) => rank(a) - rank(b) || a.sourceUri.localeCompare(b.sourceUri) || a.locator.localeCompare(b.locator));

  if (override) {
    const overridden = { value: override.value };
    return {
      value: override.value,
      rule: `An admin override outranks every document: ${override.reason}`,
      hasConflict: ranked.some((c) => !valuesAgree(c, overridden, rule.comparison)),
    };
  }
  const first = ranked[0];
  if (!first) throw new Error(`decideField(${entity}, ${field}): no candidate and no override`);

  const agreeing = ranked.filter((c) => valuesAgree(c, first, rule.comparison));
  const chosen = agreeing.reduce((best, c) => (exactness(c) > exactness(best) ? c : best), first);
  const hasConflict = ranked.some((c) => !valuesAgree(c, chosen, rule.comparison));

  let because = `${SOURCE_LABEL[first.format]} ranks first for this field. ${rule.why}`;
  if (chosen !== first) because += ` ${SOURCE_LABEL[chosen.format]} states the same value more exactly, so its value is kept.`;
  return { value: chosen.value, chosen, rule: because, hasConflict };
}
