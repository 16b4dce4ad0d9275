import type { FactWithSource } from "../../db/decisionRepository";
import { decideField, type Candidate } from "./decideField";
import { documentRole, type DocumentRole, type RecordOwner } from "./documentRole";
import type { EntityType, SourceFormat } from "./precedence";

/** A stored fact with the format and URI of the document that states it: what a candidate is made of. */
export type StatedFact = Omit<FactWithSource<SourceFormat>, "entityType" | "entityId">;

/**
 * The candidates of one record's fields, from its facts by field: each fact with its document's role for
 * the record (documentRole.ts; the same for all of a document's facts) and when the document says it last
 * changed the record (its `lastUpdated` fact). The load decides with them (refreshDecisions.ts), and so
 * does provenance for the decisions that are not stored (impliedDecisions.ts): one way, so the two agree.
 * `isAggregator` says which provider ids some document calls aggregators.
 */
export function recordCandidates(
  entityType: EntityType,
  entityId: string,
  facts: ReadonlyMap<string, readonly StatedFact[]>,
  isAggregator: (providerId: string) => boolean,
): (field: string) => Candidate[] {
  const documentUpdated = new Map<string, string>();
  for (const f of facts.get("lastUpdated") ?? []) if (typeof f.value === "string") documentUpdated.set(f.sourceId, f.value);
  const candidatesOf = (field: string, owner: RecordOwner, roles: Map<string, DocumentRole>): Candidate[] =>
    (facts.get(field) ?? []).map((f) => {
      let role = roles.get(f.uri);
      if (role === undefined) roles.set(f.uri, (role = documentRole(f.uri, f.format, owner, isAggregator)));
      const updated = documentUpdated.get(f.sourceId) ?? null;
      return { factId: f.id, format: f.format, sourceUri: f.uri, locator: f.locator, value: f.value, precision: f.precision, step: f.step, documentUpdated: updated, role };
    });
  // A model's owner is its author, itself a decided field: decided first, from documents whose role
  // their path shows alone.
  let owner: RecordOwner;
  if (entityType === "AUTHOR") owner = { authorId: entityId };
  else if (entityType === "PROVIDER") owner = { providerId: entityId };
  else if (entityType === "OFFERING") owner = { providerId: entityId.split(":")[0] };
  else {
    const authorCandidates = candidatesOf("authorId", {}, new Map());
    const authorId = authorCandidates.length > 0 ? decideField(entityType, "authorId", authorCandidates).value : null;
    owner = { authorId: typeof authorId === "string" ? authorId : null };
  }
  const roles = new Map<string, DocumentRole>();
  return (field) => candidatesOf(field, owner, roles);
}
