import type { SqlSession } from "../../db/database";
import { deleteRows, insertRows } from "../../db/bulkRows";
import { decideField, type Candidate } from "../reconcile/decideField";
import type { EntityType, SourceFormat } from "../reconcile/precedence";
import { parseEntityKey, type EntityKey } from "./syncFacts";
import { stableJson } from "./stableJson";

/** A field's decided value, and the source it came from (null for an admin override). */
export interface DecidedValue {
  value: unknown;
  sourceId: string | null;
}

/** Decided fields per entity ("MODEL gpt-4.1-mini" → field → value). */
export type Decisions = Map<EntityKey, Map<string, DecidedValue>>;

interface FactWithSource {
  id: string;
  entityType: EntityType;
  entityId: string;
  field: string;
  value: unknown;
  precision: string | null;
  step: number | null;
  locator: string;
  sourceId: string;
  format: SourceFormat;
  uri: string;
}

interface StoredDecision {
  entityType: EntityType;
  entityId: string;
  field: string;
  chosenValue: unknown;
  chosenFactId: string | null;
  rule: string;
  hasConflict: boolean;
}

const ENTITY_KEY_COLUMNS = [
  { name: "entityType", type: `"EntityType"` },
  { name: "entityId", type: "text" },
];

const DECISION_COLUMNS = [
  ...ENTITY_KEY_COLUMNS,
  { name: "field", type: "text" },
  { name: "chosenValue", type: "jsonb" },
  { name: "chosenFactId", type: "text" },
  { name: "rule", type: "text" },
  { name: "hasConflict", type: "boolean" },
];

/**
 * Decides every field of the given entities afresh from all their stored facts and admin overrides,
 * stores the decisions that changed (and drops those of fields no one states any more), and returns
 * the decided values.
 */
export async function refreshDecisions(tx: SqlSession, entities: Iterable<EntityKey>): Promise<Decisions> {
  const keys = [...entities].map(parseEntityKey);
  const decisions: Decisions = new Map();
  if (keys.length === 0) return decisions;
  const param = [JSON.stringify(keys)];
  const keysSql = `jsonb_to_recordset($1::jsonb) AS v("entityType" "EntityType", "entityId" text)`;

  const facts = await tx.query<FactWithSource>(
    `SELECT f.id, f."entityType", f."entityId", f.field, f.value, f.precision, f.step, f.locator, f."sourceId", s.format, s.uri
       FROM ${keysSql} JOIN "Fact" f ON f."entityType" = v."entityType" AND f."entityId" = v."entityId"
       JOIN "Source" s ON s.id = f."sourceId"`,
    param,
  );
  const overrides = await tx.query<{ entityType: EntityType; entityId: string; field: string; value: unknown; reason: string }>(
    `SELECT o."entityType", o."entityId", o.field, o.value, o.reason
       FROM ${keysSql} JOIN "FieldOverride" o ON o."entityType" = v."entityType" AND o."entityId" = v."entityId"`,
    param,
  );
  const stored = await tx.query<StoredDecision>(
    `SELECT d."entityType", d."entityId", d.field, d."chosenValue", d."chosenFactId", d.rule, d."hasConflict"
       FROM ${keysSql} JOIN "FieldDecision" d ON d."entityType" = v."entityType" AND d."entityId" = v."entityId"`,
    param,
  );

  const fieldKey = (e: { entityType: string; entityId: string }, field: string) => `${e.entityType} ${e.entityId}\u0000${field}`;
  const candidates = new Map<string, Candidate[]>();
  const sourceOfFact = new Map<string, string>();
  for (const f of facts) {
    const k = fieldKey(f, f.field);
    const list = candidates.get(k) ?? [];
    list.push({ factId: f.id, format: f.format, sourceUri: f.uri, locator: f.locator, value: f.value, precision: f.precision, step: f.step });
    candidates.set(k, list);
    sourceOfFact.set(f.id, f.sourceId);
  }
  const overrideByKey = new Map(overrides.map((o) => [fieldKey(o, o.field), o]));
  const storedByKey = new Map(stored.map((d) => [fieldKey(d, d.field), d]));
  const allKeys = new Set([...candidates.keys(), ...overrideByKey.keys()]);

  const upserts: Record<string, unknown>[] = [];
  for (const k of allKeys) {
    const [entity, field] = k.split("\u0000") as [EntityKey, string];
    const { entityType, entityId } = parseEntityKey(entity);
    const override = overrideByKey.get(k);
    const decision = decideField(entityType, field, candidates.get(k) ?? [], override && { value: override.value, reason: override.reason });
    const perEntity = decisions.get(entity) ?? new Map<string, DecidedValue>();
    perEntity.set(field, { value: decision.value, sourceId: decision.chosen ? (sourceOfFact.get(decision.chosen.factId) ?? null) : null });
    decisions.set(entity, perEntity);

    const row = {
      entityType,
      entityId,
      field,
      chosenValue: decision.value,
      chosenFactId: decision.chosen?.factId ?? null,
      rule: decision.rule,
      hasConflict: decision.hasConflict,
    };
    const old = storedByKey.get(k);
    storedByKey.delete(k);
    if (
      !old ||
      stableJson(old.chosenValue) !== stableJson(row.chosenValue) ||
      old.chosenFactId !== row.chosenFactId ||
      old.rule !== row.rule ||
      old.hasConflict !== row.hasConflict
    ) {
      upserts.push(row);
    }
  }
  await insertRows(tx, "FieldDecision", DECISION_COLUMNS, upserts, {
    onConflict: `ON CONFLICT ("entityType", "entityId", field) DO UPDATE SET "chosenValue" = EXCLUDED."chosenValue", "chosenFactId" = EXCLUDED."chosenFactId", rule = EXCLUDED.rule, "hasConflict" = EXCLUDED."hasConflict", "decidedAt" = now()`,
  });
  await deleteRows(tx, "FieldDecision", [...ENTITY_KEY_COLUMNS, { name: "field", type: "text" }], [...storedByKey.values()].map((d) => ({ entityType: d.entityType, entityId: d.entityId, field: d.field })));
  return decisions;
}
