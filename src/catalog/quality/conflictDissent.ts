import type { DocumentRole } from "../reconcile/documentRole";

// Who disagrees with the value chosen: the question of issue 12's authority work. A conflict nobody
// but resellers disputes is one the model's own documents agree on.

export const CONFLICT_DISSENTS = {
  ONLY_RESELLERS: "only resellers' provider files disagree",
  AGGREGATORS: "aggregators disagree (resellers may too), no first-party document",
  FIRST_PARTY: "an author's, owner's or cloud's document disagrees",
  OTHER: "another kind of document disagrees",
  NONE: "no document disagrees",
} as const;

export type ConflictDissent = keyof typeof CONFLICT_DISSENTS;

const FIRST_PARTY_ROLES: ReadonlySet<DocumentRole> = new Set(["AUTHOR", "OWNER", "CLOUD"]);

/** The class of a conflict by the roles of its disagreeing candidates' documents. */
export function conflictDissent(dissentingRoles: readonly DocumentRole[]): ConflictDissent {
  if (dissentingRoles.length === 0) return "NONE";
  if (dissentingRoles.some((r) => FIRST_PARTY_ROLES.has(r))) return "FIRST_PARTY";
  if (dissentingRoles.includes("OTHER")) return "OTHER";
  if (dissentingRoles.includes("AGGREGATOR")) return "AGGREGATORS";
  return "ONLY_RESELLERS";
}
