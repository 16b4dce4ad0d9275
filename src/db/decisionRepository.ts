import { deleteRows, insertRows } from "./bulkRows";
import type { SqlSession } from "./database";
import { RULE_JOIN, RULE_TEXT, withRuleIds } from "./decisionRuleRepository";
import { tableColumns } from "./tableColumns";

// The statements of deciding fields (src/catalog/load/refreshDecisions.ts): the facts, overrides and
// stored decisions of a batch of records, and the decisions that changed, inside the load's (or an admin
// write's) transaction on its SqlSession. A batch is 1,000 records: each read is one statement joining a
// jsonb recordset of their keys, each write one bulk statement per 2,000 rows (bulkRows.ts says why).

/** A record, by its type and id. */
export interface RecordKey {
  entityType: string;
  entityId: string;
}

/** A fact with the format and URI of the source that states it. */
export interface FactWithSource<Format extends string = string> extends RecordKey {
  id: string;
  field: string;
  value: unknown;
  precision: string | null;
  step: number | null;
  locator: string;
  sourceId: string;
  format: Format;
  uri: string;
}

/** An admin's override of one field. */
export interface OverrideRow extends RecordKey {
  field: string;
  value: unknown;
  reason: string;
}

/** A stored decision of one field. */
export interface DecisionRow extends RecordKey {
  field: string;
  chosenValue: unknown;
  chosenFactId: string | null;
  rule: string;
  hasConflict: boolean;
}

const ENTITY_KEY_COLUMNS = tableColumns("FieldDecision", ["entityType", "entityId"]);
const KEYS = `jsonb_to_recordset($1::jsonb) AS v(${ENTITY_KEY_COLUMNS.map((c) => `"${c.name}" ${c.type}`).join(", ")})`;
/** The columns a decision is written with (derivedFrom and decidedAt are the statement's own), their types from the schema. */
const DECISION_COLUMNS = tableColumns("FieldDecision", ["entityType", "entityId", "field", "chosenValue", "chosenFactId", "ruleId", "hasConflict"]);

/** What deciding the fields of some records reads (decisionInputs). */
export interface DecisionInputs<Format extends string> {
  facts: FactWithSource<Format>[];
  overrides: OverrideRow[];
  stored: DecisionRow[];
}

/**
 * What deciding the fields of `records` reads: their facts (with sources), overrides and stored
 * decisions. Facts of `exceptSources` are left out: the caller holds them (a load has just written them).
 * An anti-join, since a group can hold thousands of sources: `<> ALL($2)` compares each fact with every
 * one (415 ms against 168 ms for 2,500 records beside 5,654 sources, PGlite). The three reads are issued
 * at once, before anything is awaited: a load issues them ahead of its writes (see loadDocuments).
 */
export async function decisionInputs<Format extends string>(
  tx: SqlSession,
  records: readonly RecordKey[],
  exceptSources: readonly string[] = [],
): Promise<DecisionInputs<Format>> {
  const param = [JSON.stringify(records)];
  const [facts, overrides, stored] = await Promise.all([
    tx.query<FactWithSource<Format>>(
      `SELECT f.id, f."entityType", f."entityId", f.field, f.value, f.precision, f.step, f.locator, f."sourceId", s.format, s.uri
         FROM ${KEYS} JOIN "Fact" f ON f."entityType" = v."entityType" AND f."entityId" = v."entityId"
         JOIN "Source" s ON s.id = f."sourceId"
        WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS e(id) WHERE e.id = f."sourceId")`,
      [...param, exceptSources],
    ),
    tx.query<OverrideRow>(
      `SELECT o."entityType", o."entityId", o.field, o.value, o.reason
         FROM ${KEYS} JOIN "FieldOverride" o ON o."entityType" = v."entityType" AND o."entityId" = v."entityId"`,
      param,
    ),
    tx.query<DecisionRow>(
      `SELECT d."entityType", d."entityId", d.field, d."chosenValue", d."chosenFactId", ${RULE_TEXT}, d."hasConflict"
         FROM ${KEYS} JOIN "FieldDecision" d ON d."entityType" = v."entityType" AND d."entityId" = v."entityId" ${RULE_JOIN}`,
      param,
    ),
  ]);
  return { facts, overrides, stored };
}

/** Which document calls which provider an aggregator: every `kind` fact of AGGREGATOR. */
export function aggregatorFacts(tx: SqlSession): Promise<{ providerId: string; sourceId: string }[]> {
  return tx.query<{ providerId: string; sourceId: string }>(
    `SELECT "entityId" AS "providerId", "sourceId" FROM "Fact" WHERE "entityType" = 'PROVIDER' AND field = 'kind' AND value = '"AGGREGATOR"'::jsonb`,
  );
}

/** The providers some document calls aggregators. */
export async function aggregatorProviderIds(tx: SqlSession): Promise<Set<string>> {
  return new Set((await aggregatorFacts(tx)).map((f) => f.providerId));
}

/**
 * Writes the decisions that changed (a decision a document or an admin now makes is no longer derived)
 * and drops those of fields no one states any more. `fresh` decisions are of records nothing is stored
 * for (created by this load): they are plainly inserted. The upsert's conflict check cost a seed's
 * 104,000 decisions about a fifth of their insert (PostgreSQL backend CPU, 0.9 s against 1.1-1.25 s).
 */
export async function writeDecisions(
  tx: SqlSession,
  changes: { fresh?: readonly DecisionRow[]; changed: readonly DecisionRow[]; dropped: readonly (RecordKey & { field: string })[] },
): Promise<void> {
  // Issued together (QueuedWrites), in this order.
  const fresh = changes.fresh ?? [];
  const { rows, rules } = withRuleIds(tx, [...fresh, ...changes.changed]);
  await Promise.all([
    rules,
    insertRows(tx, "FieldDecision", DECISION_COLUMNS, rows.slice(0, fresh.length)),
    insertRows(tx, "FieldDecision", DECISION_COLUMNS, rows.slice(fresh.length), {
      onConflict: `ON CONFLICT ("entityType", "entityId", field) DO UPDATE SET "chosenValue" = EXCLUDED."chosenValue", "chosenFactId" = EXCLUDED."chosenFactId", "ruleId" = EXCLUDED."ruleId", "hasConflict" = EXCLUDED."hasConflict", "derivedFrom" = '{}', "decidedAt" = now()`,
    }),
    dropDecisions(tx, changes.dropped),
  ]);
}

/** Deletes the decisions of the given fields. */
export async function dropDecisions(tx: SqlSession, fields: readonly (RecordKey & { field: string })[]): Promise<void> {
  await deleteRows(tx, "FieldDecision", tableColumns("FieldDecision", ["entityType", "entityId", "field"]), fields.map((d) => ({ entityType: d.entityType, entityId: d.entityId, field: d.field })));
}
