import type { SqlSession } from "../../db/database";
import { insertRows } from "../../db/bulkRows";
import type { Actor } from "./actor";

/** One change to one field (or record) as the audit log keeps it. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  field?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records changes in the audit log, inside the caller's transaction so that they commit or roll back with the write. */
export async function recordAudit(tx: SqlSession, actor: Actor, entries: AuditEntry[]): Promise<void> {
  await insertRows(
    tx,
    "AuditEvent",
    [
      { name: "apiKeyId", type: "text" },
      { name: "actorName", type: "text" },
      { name: "action", type: "text" },
      { name: "entityType", type: "text" },
      { name: "entityId", type: "text" },
      { name: "field", type: "text" },
      { name: "before", type: "jsonb" },
      { name: "after", type: "jsonb" },
      { name: "requestId", type: "text" },
    ],
    entries.map((e) => ({
      apiKeyId: actor.apiKeyId,
      actorName: actor.name,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      field: e.field ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: actor.requestId,
    })),
  );
}
