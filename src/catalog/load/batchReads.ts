import type { SqlSession } from "../../db/database";
import type { CapabilityLevelRow } from "../../db/capabilityRepository";
import type { DecisionInputs } from "../../db/decisionRepository";
import type { QueuedWrites } from "../../db/queuedWrites";
import type { EntityType, SourceFormat } from "../reconcile/precedence";
import { readStoredColumns } from "./applyColumns";
import { readDecisionInputs, type KnownFacts } from "./refreshDecisions";
import { readStoredCapabilities } from "./syncCapabilities";
import type { EntityKey } from "./syncFacts";

// Everything deciding one batch of records reads, issued at once, ahead of writes it does not depend on.
// A connection runs a transaction's statements in the order issued (QueuedWrites), so a read issued
// after a write waits for it: read one at a time, each after the writes of the step before it, the
// batch's reads waited in a seed's Starmap and OpenRouter groups for about 0.3 s each (the group's facts
// being written, then its decisions, then its columns), the main thread idle, and then the database
// idled while the main thread decided. A batch reads only its own records (their facts of other
// documents than the load's, overrides, decisions, columns and capability levels), which no write of an
// earlier batch or of the group's own facts changes, so its reads can go out before those writes.

/** What a batch's records read, as pending reads. */
export interface BatchReads {
  decisions: Promise<DecisionInputs<SourceFormat>>;
  columns: Record<EntityType, Promise<Record<string, unknown>[]>>;
  capabilities: Record<"MODEL" | "OFFERING", Promise<CapabilityLevelRow[]>>;
}

/** The ids of `batch`'s records of one type. */
export function idsOfType(batch: readonly EntityKey[], type: EntityType): string[] {
  const prefix = `${type} `;
  return batch.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}

/**
 * Issues every read of `batch` now. Each is also kept in `writes` (QueuedWrites.keep): if the transaction
 * fails before the batch is decided, the first failure is reported in order and none is left unhandled.
 */
export function readBatch(
  tx: SqlSession,
  batch: readonly EntityKey[],
  known: Pick<KnownFacts, "sourceIds" | "created">,
  created: Record<EntityType, ReadonlySet<string>>,
  writes: QueuedWrites,
): BatchReads {
  const columnsOf = (type: EntityType) => writes.keep(readStoredColumns(tx, type, idsOfType(batch, type), created[type]));
  return {
    decisions: writes.keep(readDecisionInputs(tx, batch, known)),
    columns: { AUTHOR: columnsOf("AUTHOR"), PROVIDER: columnsOf("PROVIDER"), MODEL: columnsOf("MODEL"), OFFERING: columnsOf("OFFERING") },
    capabilities: {
      MODEL: writes.keep(readStoredCapabilities(tx, "MODEL", idsOfType(batch, "MODEL"), created.MODEL)),
      OFFERING: writes.keep(readStoredCapabilities(tx, "OFFERING", idsOfType(batch, "OFFERING"), created.OFFERING)),
    },
  };
}
