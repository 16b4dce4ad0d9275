import { insertRows, type Column } from "./bulkRows";
import type { SqlSession } from "./database";
import type { Prisma, PrismaClient } from "./generated/client";
import type { KeysetRows, KeysetWindow } from "./keysetQuery";
import { tableColumnsExcept } from "./tableColumns";

/** An audit event as the log is written: every column but the ones the database fills (id, createdAt). */
export type NewAuditEvent = Omit<Required<Prisma.AuditEventCreateManyInput>, "id" | "createdAt" | "before" | "after"> & {
  /** Any JSON value, or null for none. */
  before: unknown;
  after: unknown;
};
export type AuditEventRow = Prisma.AuditEventModel;
/** Events whose columns equal these values. */
export type AuditEventFilter = Partial<Pick<AuditEventRow, "entityType" | "entityId" | "actorName" | "action">>;

/** The columns the database fills; an event is inserted with every other, as `NewAuditEvent` has them. */
const FILLED_BY_DATABASE = ["id", "createdAt"] as const satisfies readonly Exclude<keyof AuditEventRow, keyof NewAuditEvent>[];
/** The columns an event is inserted with, each with the SQL type the schema gives it. */
const COLUMNS: Column[] = tableColumnsExcept("AuditEvent", FILLED_BY_DATABASE);

/** The audit log: appended to inside a write's transaction, read page by page through the Prisma client. */
export class AuditRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Appends events on the write's own transaction, so that they commit or roll back with it. Raw SQL,
   * one statement for all of them: the write runs on a SqlSession (its row locks and the loader's
   * statements share that connection), which the Prisma client cannot join.
   */
  async append(tx: SqlSession, events: readonly NewAuditEvent[]): Promise<void> {
    await insertRows(tx, "AuditEvent", COLUMNS, events as unknown as Record<string, unknown>[]);
  }

  /** A window of the events matching `filter`, newest first (by id); each row's key is its id as text. */
  async page(filter: AuditEventFilter, window: KeysetWindow): Promise<KeysetRows<AuditEventRow>> {
    const where: Prisma.AuditEventWhereInput = { ...filter };
    const bounds: Prisma.BigIntFilter = {};
    if (window.after) bounds.lt = BigInt(String(window.after[0]));
    if (window.before) bounds.gt = BigInt(String(window.before[0]));
    const rows =
      window.limit === 0
        ? []
        : await this.prisma.auditEvent.findMany({
            where: { ...where, ...(window.after || window.before ? { id: bounds } : {}) },
            orderBy: { id: window.backward ? "asc" : "desc" },
            take: window.limit,
          });
    const totalCount = await this.prisma.auditEvent.count({ where });
    return { rows: rows.map((node) => ({ node, keys: [node.id.toString()] })), totalCount };
  }
}
