import { ProvenanceService } from "../../src/catalog/provenance/provenance.service";
import type { Database } from "../../src/db/database";
import { ProvenanceRepository } from "../../src/db/provenanceRepository";

/**
 * Every decision of every record some document states, read as the API shows it (provenance): the
 * stored ones and those a field's only document implies, which are not stored. Without ids or times:
 * entity, field, value, rule, conflict, and the URI of the document whose value was chosen.
 */
export async function allDecisions(database: Database) {
  const keys = await database.sql.query<{ key: string }>(`SELECT DISTINCT "entityType"::text || ' ' || "entityId" AS key FROM "Fact" ORDER BY 1`);
  const provenance = new ProvenanceService(new ProvenanceRepository(database.sql));
  const decisions = [];
  for (let i = 0; i < keys.length; i += 500) {
    for (const fields of await provenance.provenanceByEntities(keys.slice(i, i + 500).map((k) => k.key))) {
      for (const f of fields) {
        const chosen = f.candidates.find((c) => c.chosen);
        decisions.push({ entityType: f.entityType, entityId: f.entityId, field: f.field, value: f.value, rule: f.rule, hasConflict: f.hasConflict, chosenFrom: chosen?.sourceUri ?? null });
      }
    }
  }
  return decisions;
}
