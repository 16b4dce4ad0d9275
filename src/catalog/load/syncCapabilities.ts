import type { SqlSession } from "../../db/database";
import { issueWrite, type QueuedWrites } from "../../db/queuedWrites";
import { capabilityLevelsOf, writeCapabilityDefinitions as writeDefinitionRows, writeCapabilityLevels, type CapabilityLevelRow } from "../../db/capabilityRepository";
import { capabilityDefinition, type CapabilityDefinition } from "../../ingest/capabilityVocabulary";
import { CAPABILITY_LEVELS, isOneOf } from "../../ingest/observation";
import type { Decisions } from "./refreshDecisions";
import { entityKey } from "./syncFacts";

const PREFIX = "capability.";

/**
 * Stores flag definitions: "refresh" rewrites the known vocabulary's names and descriptions, "keep" only
 * adds keys not yet defined (a document's new flag).
 */
export async function writeCapabilityDefinitions(tx: SqlSession, definitions: readonly CapabilityDefinition[], mode: "refresh" | "keep"): Promise<void> {
  await writeDefinitionRows(tx, definitions.map((d) => ({ key: d.key, name: d.name, category: d.category, description: d.description ?? null })), mode);
}

/** The stored capability levels of `ids` but the `created` ones (new this load, with none). The read is issued when this is called. */
export function readStoredCapabilities(tx: SqlSession, entity: "MODEL" | "OFFERING", ids: readonly string[], created: ReadonlySet<string> = new Set()): Promise<CapabilityLevelRow[]> {
  const existing = ids.filter((id) => !created.has(id));
  return existing.length > 0 ? capabilityLevelsOf(tx, entity, existing) : Promise.resolve([]);
}

/**
 * Makes the capability rows of `ids` match their decided "capability.<key>" fields; `created` ids (new
 * this load) have none to read. With `writes`, the writes are left running in that queue. `stored`: what
 * readStoredCapabilities read for the same ids, if the caller issued it earlier.
 */
export async function syncCapabilities(
  tx: SqlSession,
  entity: "MODEL" | "OFFERING",
  ids: string[],
  decisions: Decisions,
  options: { created?: ReadonlySet<string>; writes?: QueuedWrites; stored?: Promise<CapabilityLevelRow[]> } = {},
): Promise<void> {
  const { created = new Set<string>(), writes } = options;
  if (ids.length === 0) return;
  const desired = new Map<string, string>();
  for (const id of ids) {
    for (const [field, d] of decisions.get(entityKey(entity, id)) ?? []) {
      if (field.startsWith(PREFIX) && typeof d.value === "string" && isOneOf(CAPABILITY_LEVELS, d.value)) desired.set(`${id}\u0000${field.slice(PREFIX.length)}`, d.value);
    }
  }
  const removed: CapabilityLevelRow[] = [];
  for (const row of await (options.stored ?? readStoredCapabilities(tx, entity, ids, created))) {
    const k = `${row.ownerId}\u0000${row.capabilityKey}`;
    if (desired.get(k) === row.level) desired.delete(k);
    else if (!desired.has(k)) removed.push(row);
  }
  const written: CapabilityLevelRow[] = [];
  const fresh: CapabilityLevelRow[] = [];
  for (const [k, level] of desired) {
    const [ownerId, capabilityKey] = k.split("\u0000");
    (created.has(ownerId) ? fresh : written).push({ ownerId, capabilityKey, level });
  }
  const definitions = [...new Set([...written, ...fresh].map((r) => r.capabilityKey))].map(capabilityDefinition);
  // Issued together, definitions first: a level refers to its definition.
  await issueWrite(Promise.all([writeCapabilityDefinitions(tx, definitions, "keep"), writeCapabilityLevels(tx, entity, { removed, written, fresh })]), writes);
}
