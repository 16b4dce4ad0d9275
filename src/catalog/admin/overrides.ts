import type { SqlSession } from "../../db/database";
import type { EntityType } from "../reconcile/precedence";

export interface OverrideInput {
  entityType: EntityType;
  entityId: string;
  field: string;
  value: unknown;
  reason: string;
  apiKeyId: string | null;
}

/** Stores an admin's value for a field: it outranks every document (see decideField) and survives re-seeding. */
export async function upsertOverride(tx: SqlSession, o: OverrideInput): Promise<void> {
  await tx.query(
    `INSERT INTO "FieldOverride" ("entityType", "entityId", field, value, reason, "apiKeyId", "updatedAt")
     VALUES ($1::"EntityType", $2, $3, $4::jsonb, $5, $6, now())
     ON CONFLICT ("entityType", "entityId", field) DO UPDATE SET value = EXCLUDED.value, reason = EXCLUDED.reason, "apiKeyId" = EXCLUDED."apiKeyId",
       version = "FieldOverride".version + 1, "updatedAt" = now()`,
    [o.entityType, o.entityId, o.field, JSON.stringify(o.value), o.reason, o.apiKeyId],
  );
}

/** Drops an admin's value for a field, so that the documents decide it again. */
export async function deleteOverride(tx: SqlSession, entityType: EntityType, entityId: string, field: string): Promise<void> {
  await tx.query(`DELETE FROM "FieldOverride" WHERE "entityType" = $1::"EntityType" AND "entityId" = $2 AND field = $3`, [entityType, entityId, field]);
}
