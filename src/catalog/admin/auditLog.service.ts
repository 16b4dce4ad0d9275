import type { Database } from "../../db/database";
import { utc } from "../../db/sqlText";
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

/** Reads the audit log, newest first. */
export class AuditLogService {
  constructor(private readonly database: Database) {}

  async list(filter: AuditFilter | null | undefined, page: PageArgs): Promise<KeysetPage<AuditEventView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    for (const column of ["entityType", "entityId", "actorName", "action"] as const) {
      const value = filter?.[column];
      if (value == null) continue;
      params.push(value);
      where.push(`a."${column}" = $${params.length}`);
    }
    const result = await keysetPage<Record<string, unknown>>(
      this.database.sql,
      {
        select: `a.id::text AS id, a."actorName", a."apiKeyId", a.action, a."entityType", a."entityId", a.field, a.before, a.after, a."requestId", ${utc('a."createdAt"')} AS "createdAt"`,
        from: `FROM "AuditEvent" a`,
        where,
        params,
        keys: [{ expr: "a.id", sqlType: "numeric", direction: "DESC" }],
        signature: "auditLog",
      },
      page,
    );
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: { ...(e.node as unknown as AuditEventView), createdAt: new Date(String(e.node.createdAt)) } })) };
  }
}
