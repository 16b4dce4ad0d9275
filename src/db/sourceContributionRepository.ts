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
      `SELECT f."sourceId", count(*)::int AS facts, count(d."chosenFactId")::int AS chosen
         FROM "Fact" f LEFT JOIN "FieldDecision" d ON d."chosenFactId" = f.id
        GROUP BY f."sourceId"`,
    );
  }
}
