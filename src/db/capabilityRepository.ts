import { deleteRows, insertRows } from "./bulkRows";
import type { SqlSession } from "./database";
import { tableColumns } from "./tableColumns";

// The statements on capability flags: their definitions and the rows of models' and offerings' levels,
// inside the load's (or an admin write's) transaction on its SqlSession, in bulk (bulkRows.ts says why).

/** A capability flag's definition row. */
export interface CapabilityDefinitionRow {
  key: string;
  name: string;
  category: string;
  description: string | null;
}

/** One record's level of one flag. */
export interface CapabilityLevelRow {
  ownerId: string;
  capabilityKey: string;
  level: string;
}

const TABLES = {
  MODEL: {
    table: "ModelCapability",
    owner: "modelId",
    key: tableColumns("ModelCapability", ["modelId", "capabilityKey"]),
    columns: tableColumns("ModelCapability", ["modelId", "capabilityKey", "level"]),
  },
  OFFERING: {
    table: "OfferingCapability",
    owner: "offeringId",
    key: tableColumns("OfferingCapability", ["offeringId", "capabilityKey"]),
    columns: tableColumns("OfferingCapability", ["offeringId", "capabilityKey", "level"]),
  },
} as const;

export type CapabilityOwner = keyof typeof TABLES;

/**
 * Stores flag definitions: "refresh" rewrites their names and descriptions, "keep" only adds keys not
 * yet defined.
 */
export async function writeCapabilityDefinitions(tx: SqlSession, definitions: readonly CapabilityDefinitionRow[], mode: "refresh" | "keep"): Promise<void> {
  await insertRows(
    tx,
    "CapabilityDefinition",
    tableColumns("CapabilityDefinition", ["key", "name", "category", "description"] as const satisfies readonly (keyof CapabilityDefinitionRow)[]),
    definitions.map((d) => ({ ...d })),
    {
      onConflict:
        mode === "refresh"
          ? `ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, description = EXCLUDED.description`
          : "ON CONFLICT (key) DO NOTHING",
    },
  );
}

/** The flag levels stored for the given models or offerings. */
export function capabilityLevelsOf(tx: SqlSession, entity: CapabilityOwner, ids: readonly string[]): Promise<CapabilityLevelRow[]> {
  const { table, owner } = TABLES[entity];
  return tx.query<CapabilityLevelRow>(`SELECT "${owner}" AS "ownerId", "capabilityKey", level::text AS level FROM "${table}" WHERE "${owner}" = ANY($1::text[])`, [ids]);
}

/**
 * Deletes the `removed` levels and writes the `written` ones (inserted, or their level updated). `fresh`
 * levels belong to records nothing is stored for (created by this load): they are plainly inserted, as
 * the upsert's conflict check costs a seed's 45,000 levels time for nothing.
 */
export async function writeCapabilityLevels(
  tx: SqlSession,
  entity: CapabilityOwner,
  changes: { removed: CapabilityLevelRow[]; written: CapabilityLevelRow[]; fresh?: CapabilityLevelRow[] },
): Promise<void> {
  const { table, owner, key, columns } = TABLES[entity];
  const rows = (list: CapabilityLevelRow[]) => list.map((r) => ({ [owner]: r.ownerId, capabilityKey: r.capabilityKey, level: r.level }));
  // Issued together (QueuedWrites): the deletes run first.
  await Promise.all([
    deleteRows(tx, table, key, rows(changes.removed)),
    insertRows(tx, table, columns, rows(changes.written), { onConflict: `ON CONFLICT ("${owner}", "capabilityKey") DO UPDATE SET level = EXCLUDED.level` }),
    insertRows(tx, table, columns, rows(changes.fresh ?? [])),
  ]);
}
