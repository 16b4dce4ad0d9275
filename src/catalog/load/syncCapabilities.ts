import type { SqlSession } from "../../db/database";
import { deleteRows, insertRows } from "../../db/bulkRows";
import { capabilityDefinition, type CapabilityDefinition } from "../../ingest/capabilityVocabulary";
import { CAPABILITY_LEVELS, isOneOf } from "../../ingest/observation";
import type { Decisions } from "./refreshDecisions";
import { entityKey } from "./syncFacts";

const PREFIX = "capability.";

const TABLES = {
  MODEL: { table: "ModelCapability", owner: "modelId" },
  OFFERING: { table: "OfferingCapability", owner: "offeringId" },
} as const;

/**
 * Stores flag definitions: "refresh" rewrites the known vocabulary's names and descriptions, "keep" only
 * adds keys not yet defined (a document's new flag).
 */
export async function writeCapabilityDefinitions(tx: SqlSession, definitions: readonly CapabilityDefinition[], mode: "refresh" | "keep"): Promise<void> {
  await insertRows(
    tx,
    "CapabilityDefinition",
    [
      { name: "key", type: "text" },
      { name: "name", type: "text" },
      { name: "category", type: "text" },
      { name: "description", type: "text" },
    ],
    definitions.map((d) => ({ ...d })),
    {
      onConflict:
        mode === "refresh"
          ? `ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, description = EXCLUDED.description`
          : "ON CONFLICT (key) DO NOTHING",
    },
  );
}

/** Makes the capability rows of `ids` match their decided "capability.<key>" fields. */
export async function syncCapabilities(tx: SqlSession, entity: "MODEL" | "OFFERING", ids: string[], decisions: Decisions): Promise<void> {
  if (ids.length === 0) return;
  const { table, owner } = TABLES[entity];
  const desired = new Map<string, string>();
  for (const id of ids) {
    for (const [field, d] of decisions.get(entityKey(entity, id)) ?? []) {
      if (field.startsWith(PREFIX) && typeof d.value === "string" && isOneOf(CAPABILITY_LEVELS, d.value)) desired.set(`${id}\u0000${field.slice(PREFIX.length)}`, d.value);
    }
  }
  const stored = await tx.query<{ owner: string; capabilityKey: string; level: string }>(
    `SELECT "${owner}" AS owner, "capabilityKey", level::text AS level FROM "${table}" WHERE "${owner}" = ANY($1::text[])`,
    [ids],
  );
  const removed: Record<string, unknown>[] = [];
  for (const row of stored) {
    const k = `${row.owner}\u0000${row.capabilityKey}`;
    if (desired.get(k) === row.level) desired.delete(k);
    else if (!desired.has(k)) removed.push({ [owner]: row.owner, capabilityKey: row.capabilityKey });
  }
  const rows = [...desired].map(([k, level]) => {
    const [id, capabilityKey] = k.split("\u0000");
    return { [owner]: id, capabilityKey, level };
  });
  await writeCapabilityDefinitions(tx, [...new Set(rows.map((r) => r.capabilityKey))].map(capabilityDefinition), "keep");
  await deleteRows(tx, table, [{ name: owner, type: "text" }, { name: "capabilityKey", type: "text" }], removed);
  await insertRows(
    tx,
    table,
    [
      { name: owner, type: "text" },
      { name: "capabilityKey", type: "text" },
      { name: "level", type: `"CapabilityLevel"` },
    ],
    rows,
    { onConflict: `ON CONFLICT ("${owner}", "capabilityKey") DO UPDATE SET level = EXCLUDED.level` },
  );
}
