import type { FieldProvenanceView } from "../../catalog/provenance/provenance.service";
import type { FieldProvenance } from "./provenance.type";

/** The provenance of an entity's fields, one field or all, or only those in conflict. */
export function pickProvenance(all: FieldProvenanceView[], field: string | null | undefined, onlyConflicts = false): FieldProvenance[] {
  return all.filter((p) => (field ? p.field === field : true) && (!onlyConflicts || p.hasConflict)) as unknown as FieldProvenance[];
}
