import type { CandidateRow, DecisionRow } from "../../db/provenanceRepository";
import { decideField } from "../reconcile/decideField";
import { recordCandidates, type StatedFact } from "../reconcile/recordCandidates";

/**
 * The decisions that are not stored: every field of these facts' records that no stored decision covers
 * is decided by its only document (decideField.ts, `onlyDocument`), so it is decided again here from its
 * facts, with the load's own candidates (recordCandidates.ts) and so with the same words. It was decided
 * when its fact was observed. `facts` must hold every fact of each record they are of (a model's author
 * decides its documents' roles).
 */
export function impliedDecisions(stored: readonly DecisionRow[], facts: readonly CandidateRow[], isAggregator: (providerId: string) => boolean): DecisionRow[] {
  const storedFields = new Set(stored.map((d) => `${d.entityType} ${d.entityId}\u0000${d.field}`));
  const records = new Map<string, { entityType: CandidateRow["entityType"]; entityId: string; facts: Map<string, StatedFact[]>; observedAt: Map<string, Date> }>();
  for (const f of facts) {
    const key = `${f.entityType} ${f.entityId}`;
    let record = records.get(key);
    if (!record) records.set(key, (record = { entityType: f.entityType, entityId: f.entityId, facts: new Map(), observedAt: new Map() }));
    const stated: StatedFact = { id: f.id, field: f.field, value: f.value, precision: f.precision, step: f.step, locator: f.locator, sourceId: f.sourceId, format: f.source.format, uri: f.source.uri };
    const list = record.facts.get(f.field);
    if (list) list.push(stated);
    else record.facts.set(f.field, [stated]);
    record.observedAt.set(f.id, f.observedAt);
  }
  const implied: DecisionRow[] = [];
  for (const [key, record] of records) {
    const candidatesOf = recordCandidates(record.entityType, record.entityId, record.facts, isAggregator);
    for (const field of record.facts.keys()) {
      if (storedFields.has(`${key}\u0000${field}`)) continue;
      const decision = decideField(record.entityType, field, candidatesOf(field));
      const chosenFactId = decision.chosen?.factId ?? null;
      implied.push({
        entityType: record.entityType,
        entityId: record.entityId,
        field,
        chosenValue: decision.value as DecisionRow["chosenValue"],
        chosenFactId,
        rule: decision.rule,
        hasConflict: decision.hasConflict,
        derivedFrom: [],
        decidedAt: (chosenFactId && record.observedAt.get(chosenFactId)) || new Date(0),
      });
    }
  }
  return implied;
}
