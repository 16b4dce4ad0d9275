import type { SqlSession } from "../../db/database";
import { aggregatorProviderIds, decisionInputs, writeDecisions, type DecisionInputs, type DecisionRow, type FactWithSource, type OverrideRow } from "../../db/decisionRepository";
import { issueWrite, type QueuedWrites } from "../../db/queuedWrites";
import { decideField } from "../reconcile/decideField";
import type { SourceFormat } from "../reconcile/precedence";
import { recordCandidates } from "../reconcile/recordCandidates";
import { parseEntityKey, type EntityKey } from "./syncFacts";
import { stableJson } from "./stableJson";

/** A field's decided value, and the source it came from (null for an admin override). */
export interface DecidedValue {
  value: unknown;
  sourceId: string | null;
}

/** What deciding one record reads: its facts and overrides by field, its stored decisions. */
interface RecordInputs {
  facts: Map<string, FactWithSource<SourceFormat>[]>;
  overrides: Map<string, OverrideRow>;
  stored: Map<string, DecisionRow>;
}

/** Decided fields per entity ("MODEL gpt-4.1-mini" → field → value). */
export type Decisions = Map<EntityKey, Map<string, DecidedValue>>;

/**
 * Facts the caller already holds, exactly as stored: every fact of `sourceIds`, by entity. A load has
 * just written its documents' facts; reading them back cost a seed about 0.7 s on PostgreSQL and
 * 3.9 s on PGlite.
 */
export interface KnownFacts {
  sourceIds: readonly string[];
  factsOf(key: EntityKey): readonly FactWithSource<SourceFormat>[];
  /** Records the load created: they have no other facts, overrides or decisions, so nothing is read for them. */
  created: ReadonlySet<EntityKey>;
  /** The providers some document calls aggregators, the known facts included. */
  aggregators: ReadonlySet<string>;
}

/**
 * What deciding `entities` reads from the database: their facts outside `known`, overrides and stored
 * decisions (records the load created have none). The reads are issued when this is called.
 */
export function readDecisionInputs(tx: SqlSession, entities: readonly EntityKey[], known?: Pick<KnownFacts, "sourceIds" | "created">): Promise<DecisionInputs<SourceFormat>> {
  const toRead = (known ? entities.filter((key) => !known.created.has(key)) : entities).map(parseEntityKey);
  return toRead.length > 0 ? decisionInputs<SourceFormat>(tx, toRead, known?.sourceIds) : Promise.resolve({ facts: [], overrides: [], stored: [] });
}

/**
 * Decides every field of the given entities afresh from all their stored facts and admin overrides,
 * stores the decisions that changed (and drops those of fields no one states any more, and those the
 * field's only document now implies), and returns the decided values. With `writes`, the writes are left
 * running in that queue. `inputs`: what readDecisionInputs read for the same entities and `known`, if
 * the caller issued it earlier; else it is read now.
 */
export async function refreshDecisions(
  tx: SqlSession,
  entities: Iterable<EntityKey>,
  options: { known?: KnownFacts; writes?: QueuedWrites; inputs?: Promise<DecisionInputs<SourceFormat>> } = {},
): Promise<Decisions> {
  const { known, writes } = options;
  const entityKeys = [...entities];
  const decisions: Decisions = new Map();
  if (entityKeys.length === 0) return decisions;
  const inputs = await (options.inputs ?? readDecisionInputs(tx, entityKeys, known));
  const { overrides } = inputs;
  // Providers a document calls aggregators, read from the facts (already in step with the documents
  // being loaded, unlike the Provider rows, which are written after this decision).
  const aggregators = known?.aggregators ?? (await aggregatorProviderIds(tx));

  // Everything read, grouped by record and then by field: a record is decided as a whole.
  const records = new Map<EntityKey, RecordInputs>();
  const recordOf = (key: EntityKey) => {
    let record = records.get(key);
    if (!record) records.set(key, (record = { facts: new Map(), overrides: new Map(), stored: new Map() }));
    return record;
  };
  const inputsOf = (e: { entityType: string; entityId: string }) => recordOf(`${e.entityType} ${e.entityId}` as EntityKey);
  const addFact = (record: RecordInputs, f: FactWithSource<SourceFormat>) => {
    const list = record.facts.get(f.field);
    if (list) list.push(f);
    else record.facts.set(f.field, [f]);
  };
  for (const f of inputs.facts) addFact(inputsOf(f), f);
  // The known facts are already by record: no key to build per fact (a seed's 168,000).
  if (known) {
    for (const key of entityKeys) {
      const own = known.factsOf(key);
      if (own.length === 0) continue;
      const record = recordOf(key);
      for (const f of own) addFact(record, f);
    }
  }
  for (const o of overrides) inputsOf(o).overrides.set(o.field, o);
  for (const d of inputs.stored) inputsOf(d).stored.set(d.field, d);

  const isAggregator = (providerId: string) => aggregators.has(providerId);
  const fresh: DecisionRow[] = [];
  const changed: DecisionRow[] = [];
  for (const [entity, record] of records) {
    const { entityType, entityId } = parseEntityKey(entity);
    // A record the load created has no stored decision to replace.
    const upserts = known?.created.has(entity) ? fresh : changed;
    const candidatesOf = recordCandidates(entityType, entityId, record.facts, isAggregator);
    const decided = new Map<string, DecidedValue>();
    decisions.set(entity, decided);
    for (const field of new Set([...record.facts.keys(), ...record.overrides.keys()])) {
      const override = record.overrides.get(field);
      const decision = decideField(entityType, field, candidatesOf(field), override && { value: override.value, reason: override.reason });
      const chosenFact = decision.chosen && record.facts.get(field)?.find((f) => f.id === decision.chosen!.factId);
      decided.set(field, { value: decision.value, sourceId: chosenFact ? chosenFact.sourceId : null });
      // Decided by the one document that states it: not stored (decideField.ts says why), and a decision
      // stored before (by a second document, an admin, a derivation) is dropped with the stale ones below.
      if (decision.onlyDocument) continue;
      const row = { entityType, entityId, field, chosenValue: decision.value, chosenFactId: decision.chosen?.factId ?? null, rule: decision.rule, hasConflict: decision.hasConflict };
      const old = record.stored.get(field);
      record.stored.delete(field);
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
  }
  // Decisions of fields no one states any more, and those now implied by a field's only document.
  const dropped = [...records.values()].flatMap((record) => [...record.stored.values()]);
  await issueWrite(writeDecisions(tx, { fresh, changed, dropped }), writes);
  return decisions;
}
