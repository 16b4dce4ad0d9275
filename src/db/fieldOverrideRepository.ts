import type { SqlSession } from "./database";
import type { $Enums, Prisma } from "./generated/client";

/** An admin's value for a field, as stored: every column the writer sets (the others are the database's). */
export type OverrideRow = Omit<Required<Pick<Prisma.FieldOverrideUncheckedCreateInput, "entityType" | "entityId" | "field" | "reason" | "apiKeyId">>, "entityType"> & {
  entityType: $Enums.EntityType;
  /** Any JSON value but null. */
  value: unknown;
};

/**
 * Admins' values for fields (FieldOverride), written on the admin write's transaction: raw SQL for the
 * reason given in catalogRecordRepository.ts (the write's SqlSession, which the Prisma client cannot join).
 */
export class FieldOverrideRepository {
  /** Stores the value, or replaces the one stored for the field (its version one up). */
  async upsert(tx: SqlSession, o: OverrideRow): Promise<void> {
    await tx.query(
      `INSERT INTO "FieldOverride" ("entityType", "entityId", field, value, reason, "apiKeyId", "updatedAt")
       VALUES ($1::"EntityType", $2, $3, $4::jsonb, $5, $6, now())
       ON CONFLICT ("entityType", "entityId", field) DO UPDATE SET value = EXCLUDED.value, reason = EXCLUDED.reason, "apiKeyId" = EXCLUDED."apiKeyId",
         version = "FieldOverride".version + 1, "updatedAt" = now()`,
      [o.entityType, o.entityId, o.field, JSON.stringify(o.value), o.reason, o.apiKeyId],
    );
  }

  async delete(tx: SqlSession, entityType: $Enums.EntityType, entityId: string, field: string): Promise<void> {
    await tx.query(`DELETE FROM "FieldOverride" WHERE "entityType" = $1::"EntityType" AND "entityId" = $2 AND field = $3`, [entityType, entityId, field]);
  }
}
