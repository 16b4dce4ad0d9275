// A model's limits where no document states them for the model itself. Most providers' files state a
// context window for their offering only, so 1,339 models had one on an offering and none of their own,
// and a `minContextWindow` filter silently dropped them. The rule, in order:
// 1. a limit a document (or an admin) states for the model is never replaced;
// 2. else the author's own offering's (the provider that is the model's author: OpenAI's for GPT-4.1),
//    the limit as its maker serves it;
// 3. else the value most of the model's offerings state, the larger on a tie (a host may cut a model's
//    window, none can widen it).
// The decision's rule says which, and `derivedFrom` names the offerings, so provenance shows where the
// value came from.
import type { SqlSession } from "../../db/database";
import { LIMIT_FIELDS, modelsOfOfferings, readModelLimitInputs, writeDerivedLimits, type DerivedLimit, type LimitField, type ModelLimitInputs } from "../../db/modelLimitsRepository";
import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";

type OfferingLimits = ModelLimitInputs["offerings"][number];

/** The derived value of one limit of one model from its offerings, or undefined if none states it. */
export function deriveLimit(authorId: string | null, field: LimitField, offerings: readonly OfferingLimits[]): Omit<DerivedLimit, "modelId" | "field"> | undefined {
  const stating = offerings.filter((o) => o[field] !== null && o[field]! > 0);
  if (stating.length === 0) return undefined;
  const own = authorId === null ? [] : stating.filter((o) => canonicalProviderId(o.providerId) === authorId || canonicalAuthorId(o.providerId) === authorId);
  if (own.length > 0) {
    const { value, from } = mostStated(own, field);
    return { value, derivedFrom: from, rule: `derived from the author's own offering (${from.join(", ")}): no document states it for the model` };
  }
  const { value, from } = mostStated(stating, field);
  const of = `${from.length} of ${stating.length} offering${stating.length === 1 ? "" : "s"} stating it`;
  return { value, derivedFrom: from, rule: `derived from the value most offerings state, the larger on a tie (${of}: ${from.join(", ")}): no document states it for the model` };
}

/** The value most of `offerings` state (the larger on a tie), and which offerings state it. */
function mostStated(offerings: readonly OfferingLimits[], field: LimitField): { value: number; from: string[] } {
  const byValue = new Map<number, string[]>();
  for (const o of offerings) byValue.set(o[field]!, [...(byValue.get(o[field]!) ?? []), o.id]);
  const [value, from] = [...byValue.entries()].sort(([a, x], [b, y]) => y.length - x.length || b - a)[0];
  return { value, from: [...from].sort() };
}

/**
 * Derives the limits of `modelIds` (whose facts or offerings this load changed) where rule 1 leaves
 * room, and clears derivations that no longer hold. Returns how many limits are derived.
 */
export async function deriveModelLimits(tx: SqlSession, modelIds: readonly string[]): Promise<number> {
  if (modelIds.length === 0) return 0;
  const { models, offerings, decisions } = await readModelLimitInputs(tx, modelIds);
  const offeringsOf = new Map<string, OfferingLimits[]>();
  for (const o of offerings) offeringsOf.set(o.modelId, [...(offeringsOf.get(o.modelId) ?? []), o]);
  const decisionOf = new Map(decisions.map((d) => [`${d.entityId}\u0000${d.field}`, d]));
  const derived: DerivedLimit[] = [];
  const cleared: { modelId: string; field: LimitField }[] = [];
  for (const model of models) {
    for (const field of LIMIT_FIELDS) {
      const decision = decisionOf.get(`${model.id}\u0000${field}`);
      if (decision && decision.derivedFrom.length === 0) continue;
      const value = deriveLimit(model.authorId, field, offeringsOf.get(model.id) ?? []);
      if (value) derived.push({ modelId: model.id, field, ...value });
      else if (decision) cleared.push({ modelId: model.id, field });
    }
  }
  await writeDerivedLimits(tx, derived, cleared);
  return derived.length;
}

/**
 * Derives the limits of the models whose records or offerings changed: `models` by id, and the models
 * `offerings` serve (an offering's limit is what a model's derived one is taken from).
 */
export async function deriveChangedModelLimits(tx: SqlSession, changed: { models: readonly string[]; offerings: readonly string[] }): Promise<number> {
  const models = new Set([...changed.models, ...(await modelsOfOfferings(tx, changed.offerings))]);
  return deriveModelLimits(tx, [...models]);
}
