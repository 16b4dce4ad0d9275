import type { SqlSession } from "../../db/database";
import { issueWrite, type QueuedWrites } from "../../db/queuedWrites";
import { readDecidedColumns, writeDecidedColumns } from "../../db/recordColumnsRepository";
import type { EntityType } from "../reconcile/precedence";
import { columnValues, ENTITY_TABLES, normalizeStoredRow } from "./entityColumns";
import type { Decisions } from "./refreshDecisions";
import { stableJson } from "./stableJson";
import { entityKey } from "./syncFacts";

/**
 * The stored columns of `ids` (entities of one type) but the `created` ones (stubs the load has just
 * inserted, with nothing to read). The read is issued when this is called.
 */
export function readStoredColumns(tx: SqlSession, entity: EntityType, ids: readonly string[], created: ReadonlySet<string> = new Set()): Promise<Record<string, unknown>[]> {
  const { table, columns } = ENTITY_TABLES[entity];
  const existing = ids.filter((id) => !created.has(id));
  return existing.length > 0 ? readDecidedColumns(tx, table, columns, existing) : Promise.resolve([]);
}

/**
 * Writes the decided fields of `ids` (entities of one type) into their table's columns, touching only
 * rows whose values change (their version goes up). Returns the ids that changed. `derive` may add
 * values no document states but the catalog can infer. Rows of `created` ids (stubs the load has just
 * inserted) are written without reading them first. With `writes`, the write is left running in that
 * queue. `stored`: what readStoredColumns read for the same ids, if the caller issued it earlier.
 */
export async function applyColumns(
  tx: SqlSession,
  entity: EntityType,
  ids: string[],
  decisions: Decisions,
  options: {
    derive?: (id: string, decided: Map<string, unknown>) => void;
    created?: ReadonlySet<string>;
    writes?: QueuedWrites;
    stored?: Promise<Record<string, unknown>[]>;
  } = {},
): Promise<Set<string>> {
  const { derive, created = new Set<string>(), writes } = options;
  const changed = new Set<string>();
  if (ids.length === 0) return changed;
  const { table, columns } = ENTITY_TABLES[entity];
  const stored = await (options.stored ?? readStoredColumns(tx, entity, ids, created));
  const storedById = new Map(stored.map((row) => [String(row.id), normalizeStoredRow(entity, row)]));
  const updates: Record<string, unknown>[] = [];
  for (const id of ids) {
    const decided = new Map<string, unknown>();
    for (const [field, d] of decisions.get(entityKey(entity, id)) ?? []) decided.set(field, d.value);
    derive?.(id, decided);
    const row = columnValues(entity, id, decided);
    const old = storedById.get(id);
    if (old && stableJson(old) === stableJson(row)) continue;
    updates.push(row);
    changed.add(id);
  }
  await issueWrite(writeDecidedColumns(tx, table, columns, updates), writes);
  return changed;
}
