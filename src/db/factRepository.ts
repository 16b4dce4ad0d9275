import { deleteRows, insertRows, updateRows } from "./bulkRows";
import type { SqlSession } from "./database";
import { tableColumns } from "./tableColumns";

// The loader's statements on facts (src/catalog/load/syncFacts.ts), inside the load's transaction on its
// SqlSession, in bulk (JSON recordsets, one round trip per 2,000 rows): a seed writes 168,000 facts,
// which row by row through the Prisma client took minutes (bulkRows.ts). Prisma's createMany cannot
// share the loader's SqlSession transaction.

/** A fact as stored: one value one source states for one field of one record. */
export interface FactRecord {
  id: string;
  entityType: string;
  entityId: string;
  field: string;
  sourceId: string;
  value: unknown;
  rawValue: string | null;
  precision: string | null;
  step: number | null;
  locator: string;
}

/** The columns a fact is written with, their types from the schema: the id, the record's key, then what an update rewrites. */
const FACT_COLUMNS = tableColumns("Fact", [
  "id",
  "entityType",
  "entityId",
  "field",
  "value",
  "rawValue",
  "precision",
  "step",
  "sourceId",
  "locator",
] as const satisfies readonly (keyof FactRecord)[]);

/** Every fact the given sources state. */
export function factsOfSources(tx: SqlSession, sourceIds: readonly string[]): Promise<FactRecord[]> {
  return tx.query<FactRecord>(
    `SELECT id, "entityType", "entityId", field, "sourceId", value, "rawValue", precision, step, locator FROM "Fact" WHERE "sourceId" = ANY($1::text[])`,
    [sourceIds],
  );
}

/** Inserts new facts, rewrites changed ones in place (ids kept, observed now) and deletes the facts no longer stated. */
export async function writeFactChanges(tx: SqlSession, changes: { inserts: FactRecord[]; updates: FactRecord[]; deleteIds: string[] }): Promise<void> {
  // Issued together (QueuedWrites), in this order.
  await Promise.all([
    insertRows(tx, "Fact", FACT_COLUMNS, changes.inserts as unknown as Record<string, unknown>[]),
    updateRows(tx, "Fact", [FACT_COLUMNS[0]], FACT_COLUMNS.slice(4), changes.updates as unknown as Record<string, unknown>[], [`"observedAt" = now()`]),
    deleteRows(tx, "Fact", [FACT_COLUMNS[0]], changes.deleteIds.map((id) => ({ id }))),
  ]);
}
