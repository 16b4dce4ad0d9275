import type { FieldProvenanceView } from "../provenance/provenance.service";
import { CONFLICT_DISSENTS, conflictDissent } from "./conflictDissent";
import { CONFLICT_PATTERNS, conflictPattern } from "./conflictPattern";
import { documentRole, type RecordOwner } from "../reconcile/documentRole";
import { Tally, type TallyEntry } from "./tally";

export interface ConflictSummary {
  total: number;
  /** Conflicts the documents decided: still open. */
  open: number;
  /** Conflicts an admin settled with an override (resolveConflict). */
  resolved: number;
  byEntityType: TallyEntry[];
  /** Distinct record kinds and fields in conflict (the length of byField before a report cuts it). */
  fields: number;
  /** By record kind and field ("MODEL releaseDate"), largest first. */
  byField: TallyEntry[];
  /** By why the values differ (conflictPattern.ts). */
  byPattern: TallyEntry[];
  /** By who disagrees with the value chosen (conflictDissent.ts). */
  byDissent: TallyEntry[];
  /** By the role of the document whose value was chosen ("OVERRIDE" for an admin's). */
  byWinnerRole: TallyEntry[];
}

export interface ConflictContext {
  /** Whose record it is: a model's author, an offering's provider and its model's author. */
  ownerOf(entityType: string, entityId: string): RecordOwner;
  isAggregator(providerId: string): boolean;
}

/** Counts conflicts (decisions with `hasConflict`, each with its candidates) by field, pattern, dissent and winner. */
export function summarizeConflicts(conflicts: readonly FieldProvenanceView[], context: ConflictContext): ConflictSummary {
  const byEntityType = new Tally();
  const byField = new Tally();
  const byPattern = new Tally(CONFLICT_PATTERNS);
  const byDissent = new Tally(CONFLICT_DISSENTS);
  const byWinnerRole = new Tally();
  let resolved = 0;
  for (const conflict of conflicts) {
    const example = `${conflict.entityType} ${conflict.entityId} ${conflict.field}`;
    const owner = context.ownerOf(conflict.entityType, conflict.entityId);
    const roleOf = (c: FieldProvenanceView["candidates"][number]) => documentRole(c.sourceUri, c.sourceFormat, owner, context.isAggregator);
    const dissenting = conflict.candidates.filter((c) => !c.agrees);
    const winner = conflict.candidates.find((c) => c.chosen);
    if (!winner) resolved += 1;
    byEntityType.add(conflict.entityType, example);
    byField.add(`${conflict.entityType} ${conflict.field}`, example);
    byPattern.add(conflictPattern(conflict.value, dissenting.map((c) => c.value)), example);
    byDissent.add(conflictDissent(dissenting.map(roleOf)), example);
    byWinnerRole.add(winner ? roleOf(winner) : "OVERRIDE", example);
  }
  const fields = byField.sorted();
  return {
    total: conflicts.length,
    open: conflicts.length - resolved,
    resolved,
    byEntityType: byEntityType.sorted(),
    fields: fields.length,
    byField: fields,
    byPattern: byPattern.sorted(),
    byDissent: byDissent.sorted(),
    byWinnerRole: byWinnerRole.sorted(),
  };
}
