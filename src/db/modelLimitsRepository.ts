import { insertRows, updateRows } from "./bulkRows";
import { dropDecisions } from "./decisionRepository";
import type { SqlSession } from "./database";
import { withRuleIds } from "./decisionRuleRepository";
import { tableColumns } from "./tableColumns";

// The statements of deriving models' limits from their offerings (src/catalog/load/deriveModelLimits.ts),
// inside the loader's transaction on its SqlSession, in bulk: one round trip per statement for a whole
// seed's models, as the rest of the load is written (bulkRows.ts says why).

export const LIMIT_FIELDS = ["contextWindow", "maxInputTokens", "maxOutputTokens"] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export interface ModelLimitInputs {
  models: { id: string; authorId: string | null }[];
  /** The models' offerings with their decided limits and their provider's kind. */
  offerings: ({ id: string; modelId: string; providerId: string; providerKind: string } & Record<LimitField, number | null>)[];
  /** The models' decisions of limit fields: a document's or an override (no derivedFrom) or an earlier derivation. */
  decisions: { entityId: string; field: LimitField; derivedFrom: string[]; chosenValue: unknown }[];
}

/** What deriving the limits of `modelIds` reads; the three reads are issued at once. */
export async function readModelLimitInputs(tx: SqlSession, modelIds: readonly string[]): Promise<ModelLimitInputs> {
  const ids = [modelIds];
  const models = tx.query<{ id: string; authorId: string | null }>(`SELECT id, "authorId" FROM "Model" WHERE id = ANY($1::text[])`, ids);
  const offerings = tx.query<ModelLimitInputs["offerings"][number]>(
    `SELECT o.id, o."modelId", o."providerId", p.kind::text AS "providerKind", o."contextWindow", o."maxInputTokens", o."maxOutputTokens"
       FROM "Offering" o JOIN "Provider" p ON p.id = o."providerId" WHERE o."modelId" = ANY($1::text[]) ORDER BY o.id`,
    ids,
  );
  // A limit field that a fact states and no stored decision covers is decided by its only document.
  const decisions = tx.query<ModelLimitInputs["decisions"][number]>(
    `SELECT d."entityId", d.field, COALESCE(d."derivedFrom", '{}') AS "derivedFrom", d."chosenValue" FROM "FieldDecision" d
      WHERE d."entityType" = 'MODEL' AND d."entityId" = ANY($1::text[]) AND d.field = ANY($2::text[])
     UNION ALL
     SELECT DISTINCT ON (f."entityId", f.field) f."entityId", f.field, '{}'::text[], f.value FROM "Fact" f
      WHERE f."entityType" = 'MODEL' AND f."entityId" = ANY($1::text[]) AND f.field = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM "FieldDecision" d WHERE d."entityType" = 'MODEL' AND d."entityId" = f."entityId" AND d.field = f.field)`,
    [modelIds, [...LIMIT_FIELDS]],
  );
  const [modelRows, offeringRows, decisionRows] = await Promise.all([models, offerings, decisions]);
  return { models: modelRows, offerings: offeringRows, decisions: decisionRows };
}

/** The models the given offerings serve. */
export async function modelsOfOfferings(tx: SqlSession, offeringIds: readonly string[]): Promise<string[]> {
  if (offeringIds.length === 0) return [];
  const rows = await tx.query<{ modelId: string }>(`SELECT DISTINCT "modelId" FROM "Offering" WHERE id = ANY($1::text[])`, [offeringIds]);
  return rows.map((r) => r.modelId);
}

export interface DerivedLimit {
  modelId: string;
  field: LimitField;
  value: number;
  rule: string;
  derivedFrom: string[];
}

/**
 * Writes derived limits (the model's column and its decision) and clears those no longer derivable
 * (`cleared`: the column back to null, the decision dropped). Every statement is issued before any is
 * awaited, the rules before the decisions that refer to them: the connection runs them in that order.
 */
export async function writeDerivedLimits(tx: SqlSession, derived: readonly DerivedLimit[], cleared: readonly { modelId: string; field: LimitField }[]): Promise<void> {
  const columns = LIMIT_FIELDS.map((field) => {
    const set = derived.filter((d) => d.field === field).map((d) => ({ id: d.modelId, [field]: d.value }));
    const unset = cleared.filter((c) => c.field === field).map((c) => ({ id: c.modelId, [field]: null }));
    return updateRows(tx, "Model", tableColumns("Model", ["id"]), tableColumns("Model", [field]), [...set, ...unset]);
  });
  const { rows, rules } = withRuleIds(
    tx,
    derived.map((d) => ({ entityType: "MODEL", entityId: d.modelId, field: d.field, chosenValue: d.value, rule: d.rule, hasConflict: false, derivedFrom: d.derivedFrom })),
  );
  const decisions = insertRows(tx, "FieldDecision", tableColumns("FieldDecision", ["entityType", "entityId", "field", "chosenValue", "ruleId", "hasConflict", "derivedFrom"]), rows, {
    onConflict: `ON CONFLICT ("entityType", "entityId", field) DO UPDATE SET "chosenValue" = EXCLUDED."chosenValue", "chosenFactId" = NULL, "ruleId" = EXCLUDED."ruleId", "hasConflict" = false, "derivedFrom" = EXCLUDED."derivedFrom", "decidedAt" = now()`,
  });
  const dropped = dropDecisions(tx, cleared.map((c) => ({ entityType: "MODEL", entityId: c.modelId, field: c.field })));
  await Promise.all([...columns, rules, decisions, dropped]);
}
