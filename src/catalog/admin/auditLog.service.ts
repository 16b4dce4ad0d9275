import type { AuditEventFilter, AuditRepository } from "../../db/auditRepository";
import { ValidationError } from "../errors";
import { keysetPage, type KeysetPage } from "../pagination/keysetPage";
import type { PageArgs } from "../pagination/pageArgs";

export interface AuditEventView {
  id: string;
  actorName: string;
  apiKeyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  field: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: Date;
}

export interface AuditFilter {
  entityType?: string | null;
  entityId?: string | null;
  actorName?: string | null;
  action?: string | null;
}

const ORDER = { signature: "auditLog", keyCount: 1 };

/** Reads the audit log, newest first. */
export class AuditLogService {
  constructor(private readonly audit: AuditRepository) {}

  async list(filter: AuditFilter | null | undefined, page: PageArgs): Promise<KeysetPage<AuditEventView>> {
    const where: AuditEventFilter = {};
    for (const column of ["entityType", "entityId", "actorName", "action"] as const) {
      const value = filter?.[column];
      if (value != null) where[column] = value;
    }
    const result = await keysetPage(page, ORDER, (window) =>
      this.audit.page(where, { ...window, after: window.after?.map((v) => eventId(v, "after")), before: window.before?.map((v) => eventId(v, "before")) }),
    );
    return {
      ...result,
      edges: result.edges.map(({ cursor, node }) => ({ cursor, node: { ...node, id: node.id.toString() } })),
    };
  }
}

/** A cursor's event id: digits only, or the cursor is not one this list gave. */
function eventId(value: unknown, argument: string): string {
  const id = String(value);
  if (!/^\d{1,19}$/.test(id)) throw new ValidationError(`${argument} is not a valid cursor; use a cursor this API returned`, argument);
  return id;
}
