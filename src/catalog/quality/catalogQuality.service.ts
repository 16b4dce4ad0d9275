import type { SourceContributionRepository } from "../../db/sourceContributionRepository";
import { ValidationError } from "../errors";
import { MAX_PAGE_SIZE } from "../pagination/pageArgs";
import type { FieldProvenanceView, ProvenanceService } from "../provenance/provenance.service";
import type { CatalogSnapshot } from "../readModel/catalogSnapshot";
import { catalogQualityReport, type CatalogQualityReport } from "./catalogQualityReport";

export const DEFAULT_REPORT_LIMIT = 20;
export const MAX_REPORT_LIMIT = 100;

/** Gathers what the catalog quality report needs: the snapshot, every conflict, each source's fact counts. Reads only. */
export class CatalogQualityService {
  constructor(
    private readonly provenance: ProvenanceService,
    private readonly contributions: SourceContributionRepository,
  ) {}

  /**
   * The quality report of a snapshot, with lists of at most `limit` entries (default 20). Conflicts and
   * fact counts are read from the database, which may be a write ahead of the snapshot.
   * Throws ValidationError (field "limit") for a limit outside 0 to 100.
   */
  async report(snapshot: CatalogSnapshot, limit: number = DEFAULT_REPORT_LIMIT): Promise<CatalogQualityReport> {
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_REPORT_LIMIT) {
      throw new ValidationError(`limit must be a whole number from 0 to ${MAX_REPORT_LIMIT}, got ${limit}`, "limit");
    }
    const conflicts = await this.allConflicts();
    const contributions = await this.contributions.countsBySource();
    return catalogQualityReport(snapshot, conflicts, contributions, limit);
  }

  /** Every conflict with its candidates, read page by page through the conflicts list. */
  private async allConflicts(): Promise<FieldProvenanceView[]> {
    const all: FieldProvenanceView[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.provenance.conflicts(null, { first: MAX_PAGE_SIZE, after });
      all.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return all;
      after = page.pageInfo.endCursor;
    }
  }
}
