import type { DocumentRole } from "./documentRole";
import { OFFERING_VOICES, precedenceFor, sourceLabel, type EntityType, type PrecedenceRule, type SourceFormat } from "./precedence";
import { preference, superseded, valuesAgree, type QualifiedValue } from "./valueAgreement";

/** One source's value for a field: a stored fact. */
export interface Candidate extends QualifiedValue {
  factId: string;
  format: SourceFormat;
  sourceUri: string;
  locator: string;
  /** What the document is to the record (documentRole.ts); a candidate without one counts as OTHER. */
  role?: DocumentRole;
  /** When the document says it last changed the record (its lastUpdated for it), an ISO date. */
  documentUpdated?: string | null;
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
  /**
   * Whether a document of the rank that decided states a value that does not agree with the chosen one
   * (for an admin override: whether any document does). Lower-ranked documents never make a conflict.
   */
  hasConflict: boolean;
  /**
   * The one document that states the field decided it, with nothing to weigh: no override, no other
   * value, nothing made more exact. Such a decision is the fact itself (its value, its id, no conflict,
   * words that depend on the document's format and role only), so it is not stored: readers derive it
   * from the fact (impliedDecisions.ts). 82 % of a seed's 104,000 decisions are of this kind.
   */
  onlyDocument?: true;
}

const ROLE_LABEL: Record<DocumentRole, string> = {
  AUTHOR: "The author's card",
  OWNER: "The provider's own file",
  CLOUD: "A first-party cloud's card",
  AGGREGATOR: "An aggregator's listing",
  RESELLER: "A reseller's file",
  OTHER: "A document of no known role",
};

/**
 * Decides a field from every source's value. An admin override wins outright. Otherwise only the
 * documents of the highest rank (the row's RoleRanks) that state the field decide: among them the row's
 * tie-breaks pick a value (most documents agreeing, the newest document, the order of formats; the
 * source URI only as a last resort so that the decision never depends on load order), and an agreeing
 * value stated more exactly refines it (Starmap's "1.0M" gives way to 1,047,576, a padded 2024-04-01 to
 * the month 2024-04, SUPPORTED to CORE). A conflict is a document of that same rank disagreeing (a
 * price in force from an earlier date than the chosen one is a past price, not a disagreement).
 * Throws when there is neither a candidate nor an override.
 */
export function decideField(entity: EntityType, field: string, candidates: Candidate[], override?: AdminOverride): FieldDecision {
  const rule = precedenceFor(entity, field);
  if (override) {
    const overridden = { value: override.value };
    return {
      value: override.value,
      rule: `An admin override outranks every document: ${override.reason}`,
      hasConflict: candidates.some((c) => !valuesAgree(c, overridden, rule.comparison)),
    };
  }
  if (candidates.length === 0) throw new Error(`decideField(${entity}, ${field}): no candidate and no override`);
  // Most fields (82% of a seed's) have one document: it decides, refines nothing and conflicts with no
  // one. Taken apart from the general case, which builds its rankings and tie-breaks for every field.
  if (candidates.length === 1 && valuesAgree(candidates[0]!, candidates[0]!, rule.comparison)) {
    const only = candidates[0]!;
    return { value: only.value, chosen: only, rule: reasonOfOne(rule, only, false, only), hasConflict: false, onlyDocument: true };
  }

  // A format the row ranks last keeps the order of roles among its own documents, below all others.
  const below = Math.max(...Object.values(rule.roles));
  const rankedLast = (c: Candidate) => rule.rankedLast?.includes(c.format) ?? false;
  const rankOf = (c: Candidate) => rule.roles[c.role ?? "OTHER"] + (rankedLast(c) ? below : 0);
  const topRank = Math.min(...candidates.map(rankOf));
  const deciding = candidates.filter((c) => rankOf(c) === topRank);
  const first = [...deciding].sort(tieBreaker(rule, candidates))[0]!;

  const agreeing = candidates.filter((c) => valuesAgree(c, first, rule.comparison));
  // Among agreeing documents equally exact, the tie-broken first, else the first by URI: never the
  // order the facts arrived in, which differs between a load and a later read.
  const moreExact = (c: Candidate, best: Candidate) => {
    const d = comparePreference(preference(c, rule.comparison), preference(best, rule.comparison));
    if (d !== 0 || best === first) return d > 0;
    return c === first || (c.sourceUri.localeCompare(best.sourceUri) || c.locator.localeCompare(best.locator)) < 0;
  };
  const chosen = agreeing.reduce((best, c) => (moreExact(c, best) ? c : best), first);
  const role = first.role ?? "OTHER";
  const speaksForOfferings = entity === "MODEL" && OFFERING_VOICES.has(role);
  // A past price (in force from an earlier date than the chosen one) is history, not a disagreement.
  const disagrees = (c: Candidate) => !valuesAgree(c, chosen, rule.comparison) && !superseded(c, chosen, rule.comparison);
  const hasConflict = !speaksForOfferings && deciding.some(disagrees);

  const resellersDiffer = speaksForOfferings && deciding.some((c) => !valuesAgree(c, chosen, rule.comparison));
  const because =
    deciding.length > 1
      ? reason(rule, first, deciding, resellersDiffer, chosen)
      : reasonOfOne(rule, first, resellersDiffer, chosen);
  return { value: chosen.value, chosen, rule: because, hasConflict };
}

/** The words of a decision: which documents ranked first and why, and which one's value was kept. */
function reason(rule: PrecedenceRule, first: Candidate, deciding: readonly Candidate[], resellersDiffer: boolean, chosen: Candidate): string {
  const role = first.role ?? "OTHER";
  const lastRanked = rule.rankedLast?.includes(first.format) ?? false;
  let because = lastRanked
    ? `Only ${sourceLabel(first.format)}, ranked below every other document for this field, states it; ${ROLE_LABEL[role].toLowerCase()} ranks first among its documents`
    : `${ROLE_LABEL[role]} ranks first for this field`;
  because += deciding.length > 1 ? `; among ${deciding.length} such documents the value of ${first.sourceUri} was taken (${tieWords(rule)}). ` : ` (${sourceLabel(first.format)}). `;
  because += rule.why;
  if (resellersDiffer) because += ` Only resellers' files state it, and they differ: each speaks for its own offering, so that is no conflict of the model.`;
  if (chosen !== first) because += ` ${sourceLabel(chosen.format)} states the same value more exactly, so its value is kept.`;
  return because;
}

/**
 * The words when one document decided: they depend on its format and role only, not on the record, so
 * each is built once per rule (a seed decides 104,000 fields, most by one document, with a few thousand
 * texts; built each time they were 250 MB of garbage). The same string is then hashed once (decisionRuleId).
 */
const reasonsOfOne = new WeakMap<PrecedenceRule, Map<string, string>>();
function reasonOfOne(rule: PrecedenceRule, first: Candidate, resellersDiffer: boolean, chosen: Candidate): string {
  let texts = reasonsOfOne.get(rule);
  if (!texts) reasonsOfOne.set(rule, (texts = new Map()));
  const key = `${first.format} ${first.role ?? "OTHER"} ${resellersDiffer} ${chosen === first ? "" : chosen.format}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = reason(rule, first, [first], resellersDiffer, chosen)));
  return text;
}

/** Orders the documents of one rank by the row's tie-breaks, best first. */
function tieBreaker(rule: PrecedenceRule, all: readonly Candidate[]): (a: Candidate, b: Candidate) => number {
  const support = new Map<Candidate, number>();
  // Free text always "agrees"; its support is documents using the same words, each candidate's words
  // normalized once rather than once per comparison.
  const words = rule.comparison === "text" ? new Map(all.map((c) => [c, textKey(c.value)])) : undefined;
  const supportOf = (c: Candidate) => {
    let n = support.get(c);
    if (n === undefined) {
      const same = words ? (other: Candidate) => words.get(other) === words.get(c) : (other: Candidate) => valuesAgree(other, c, rule.comparison);
      n = all.filter(same).length;
      support.set(c, n);
    }
    return n;
  };
  const formatRank = (c: Candidate) => {
    const i = rule.order.indexOf(c.format);
    return i < 0 ? rule.order.length : i;
  };
  const keys: Record<PrecedenceRule["ties"][number], (a: Candidate, b: Candidate) => number> = {
    support: (a, b) => supportOf(b) - supportOf(a),
    recency: (a, b) => (b.documentUpdated ?? "").localeCompare(a.documentUpdated ?? ""),
    format: (a, b) => formatRank(a) - formatRank(b),
    earliest: (a, b) => (typeof a.value === "string" && typeof b.value === "string" ? a.value.localeCompare(b.value) : 0),
  };
  return (a, b) => {
    for (const tie of rule.ties) {
      const d = keys[tie](a, b);
      if (d !== 0) return d;
    }
    return a.sourceUri.localeCompare(b.sourceUri) || a.locator.localeCompare(b.locator);
  };
}

/** What two free-text values are compared by: a string's trimmed lower case, anything else's JSON (prefixed, so no string's key equals it). */
function textKey(value: unknown): string {
  return typeof value === "string" ? `s${value.trim().toLowerCase()}` : `j${JSON.stringify(value)}`;
}

function tieWords(rule: PrecedenceRule): string {
  const words = { support: "most documents agreeing", recency: "the newest document", format: "the order of formats", earliest: "the earliest date" };
  return rule.ties.map((t) => words[t]).join(", then ");
}

function comparePreference(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
