import type { SqlSession } from "./database";

/** How many facts a source states, and how many of them a field decision chose. */
export interface SourceContributionRow {
  sourceId: string;
  facts: number;
  chosen: number;
}

/**
 * Reads how much each document contributes, for the catalog quality report. Raw SQL because it counts
 * across a join Prisma's schema does not model (a decision's chosen fact): one aggregate instead of
 * reading the 120,000 facts of a full seed into memory.
 */
export class SourceContributionRepository {
  constructor(private readonly sql: SqlSession) {}

  /** One row per source that states at least one fact; sources without facts have no row. */
  async countsBySource(): Promise<SourceContributionRow[]> {
    return this.sql.query<SourceContributionRow>(
      // A fact is chosen when the field's stored decision names it, or when the field has no stored
      // decision: then the fact is its only document's, which decided it (decideField.ts, onlyDocument).
      `SELECT f."sourceId", count(*)::int AS facts, count(*) FILTER (WHERE d.field IS NULL OR d."chosenFactId" = f.id)::int AS chosen
         FROM "Fact" f LEFT JOIN "FieldDecision" d ON d."entityType" = f."entityType" AND d."entityId" = f."entityId" AND d.field = f.field
        GROUP BY f."sourceId"`,
    );
  }
}
