import type { NewAuditEvent } from "../../db/auditRepository";
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

/** The audit log's events for an actor's changes: who (key and name), what, and in which request. */
export function auditEvents(actor: Actor, entries: readonly AuditEntry[]): NewAuditEvent[] {
  return entries.map((e) => ({
    apiKeyId: actor.apiKeyId,
    actorName: actor.name,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    field: e.field ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: actor.requestId,
  }));
}
