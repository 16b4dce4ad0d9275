import type { SqlSession } from "../../db/database";
import { aggregatorProviderIds, decisionInputs, writeDecisions, type DecisionRow, type FactWithSource } from "../../db/decisionRepository";
import { issueWrite, type QueuedWrites } from "../../db/queuedWrites";
import { decideField, type Candidate } from "../reconcile/decideField";
import { documentRole, type RecordOwner } from "../reconcile/documentRole";
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

/**
 * Facts the caller already holds, exactly as stored: every fact of `sourceIds`, by entity. A load has
 * just written its documents' facts; reading them back cost a seed about 0.7 s on PostgreSQL and
 * 3.9 s on PGlite.
 */
export interface KnownFacts {
  sourceIds: readonly string[];
  byEntity: ReadonlyMap<EntityKey, readonly FactWithSource<SourceFormat>[]>;
  /** Records the load created: they have no other facts, overrides or decisions, so nothing is read for them. */
  created: ReadonlySet<EntityKey>;
  /** The providers some document calls aggregators, the known facts included. */
  aggregators: ReadonlySet<string>;
}

/**
 * Decides every field of the given entities afresh from all their stored facts and admin overrides,
 * stores the decisions that changed (and drops those of fields no one states any more), and returns
 * the decided values. With `writes`, the writes are left running in that queue.
 */
export async function refreshDecisions(tx: SqlSession, entities: Iterable<EntityKey>, known?: KnownFacts, writes?: QueuedWrites): Promise<Decisions> {
  const entityKeys = [...entities];
  const keys = entityKeys.map(parseEntityKey);
  const decisions: Decisions = new Map();
  if (keys.length === 0) return decisions;
  const stored = known ? keys.filter((_, i) => !known.created.has(entityKeys[i]!)) : keys;
  const inputs = stored.length > 0 ? await decisionInputs<SourceFormat>(tx, stored, known?.sourceIds) : { facts: [], overrides: [], stored: [] };
  const { overrides } = inputs;
  const facts = known ? [...inputs.facts, ...entityKeys.flatMap((k) => known.byEntity.get(k) ?? [])] : inputs.facts;
  // Providers a document calls aggregators, read from the facts (already in step with the documents
  // being loaded, unlike the Provider rows, which are written after this decision).
  const aggregators = known?.aggregators ?? (await aggregatorProviderIds(tx));

  const fieldKey = (e: { entityType: string; entityId: string }, field: string) => `${e.entityType} ${e.entityId}\u0000${field}`;
  const candidates = new Map<string, Candidate[]>();
  const sourceOfFact = new Map<string, string>();
  /** Per entity, when each document says it last changed the record. */
  const documentUpdated = new Map<string, string>();
  for (const f of facts) {
    if (f.field === "lastUpdated" && typeof f.value === "string") documentUpdated.set(`${f.entityType} ${f.entityId}\u0000${f.sourceId}`, f.value);
  }
  for (const f of facts) {
    const k = fieldKey(f, f.field);
    const list = candidates.get(k) ?? [];
    const updated = documentUpdated.get(`${f.entityType} ${f.entityId}\u0000${f.sourceId}`) ?? null;
    list.push({ factId: f.id, format: f.format, sourceUri: f.uri, locator: f.locator, value: f.value, precision: f.precision, step: f.step, documentUpdated: updated });
    candidates.set(k, list);
    sourceOfFact.set(f.id, f.sourceId);
  }
  // Each document's role for the record it states (documentRole.ts). A model's owner is its author,
  // itself a decided field: decided first, from documents whose role their path shows alone.
  const isAggregator = (providerId: string) => aggregators.has(providerId);
  const withRoles = (list: Candidate[], owner: RecordOwner) => list.map((c) => ({ ...c, role: documentRole(c.sourceUri, c.format, owner, isAggregator) }));
  const ownerOf = (entityType: EntityType, entityId: string): RecordOwner => {
    if (entityType === "AUTHOR") return { authorId: entityId };
    if (entityType === "PROVIDER") return { providerId: entityId };
    if (entityType === "OFFERING") return { providerId: entityId.split(":")[0] };
    const authorCandidates = candidates.get(fieldKey({ entityType, entityId }, "authorId"));
    const authorId = authorCandidates?.length ? decideField(entityType, "authorId", withRoles(authorCandidates, {})).value : null;
    return { authorId: typeof authorId === "string" ? authorId : null };
  };
  const owners = new Map<EntityKey, RecordOwner>();
  const overrideByKey = new Map(overrides.map((o) => [fieldKey(o, o.field), o]));
  const storedByKey = new Map(inputs.stored.map((d) => [fieldKey(d, d.field), d]));
  const allKeys = new Set([...candidates.keys(), ...overrideByKey.keys()]);

  const upserts: DecisionRow[] = [];
  for (const k of allKeys) {
    const [entity, field] = k.split("\u0000") as [EntityKey, string];
    const { entityType, entityId } = parseEntityKey(entity);
    const override = overrideByKey.get(k);
    let owner = owners.get(entity);
    if (!owner) owners.set(entity, (owner = ownerOf(entityType, entityId)));
    const decision = decideField(entityType, field, withRoles(candidates.get(k) ?? [], owner), override && { value: override.value, reason: override.reason });
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
  await issueWrite(writeDecisions(tx, upserts, [...storedByKey.values()]), writes);
  return decisions;
}
