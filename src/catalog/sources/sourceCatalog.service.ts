import type { Database } from "../../db/database";
import { oneByKeys } from "../batch";
import { containsPattern, utc } from "../../db/sqlText";
import { keysetPage, type KeysetPage } from "../pagination/keysetPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { SourceFormat, SourceView } from "../views";

const SOURCE_COLUMNS = `s.id, s.format::text AS format, s.uri, s.title, s."contentHash", s."sizeBytes", ${utc('s."importedAt"')} AS "importedAt"`;

function toSourceView(row: Record<string, unknown>): SourceView {
  return { ...(row as unknown as SourceView), importedAt: new Date(String(row.importedAt)) };
}

export interface SourceFilter {
  formats?: SourceFormat[] | null;
  /** Words in the source's URI. */
  search?: string | null;
}

/** Reads the imported documents. */
export class SourceCatalogService {
  constructor(private readonly database: Database) {}

  async sourcesByIds(ids: readonly string[]): Promise<(SourceView | undefined)[]> {
    const rows = await this.database.sql.query<Record<string, unknown>>(`SELECT ${SOURCE_COLUMNS} FROM "Source" s WHERE s.id = ANY($1::text[])`, [[...ids]]);
    return oneByKeys(ids, rows.map(toSourceView), (s) => s.id);
  }

  /** Sources by URI. */
  async listSources(filter: SourceFilter | null | undefined, page: PageArgs): Promise<KeysetPage<SourceView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter?.formats?.length) {
      params.push(filter.formats);
      where.push(`s.format = ANY($${params.length}::text[]::text[]::"SourceFormat"[])`);
    }
    if (filter?.search?.trim()) {
      params.push(containsPattern(filter.search.trim()));
      where.push(`s.uri ILIKE $${params.length}`);
    }
    const result = await keysetPage<Record<string, unknown>>(
      this.database.sql,
      { select: SOURCE_COLUMNS, from: `FROM "Source" s`, where, params, keys: [{ expr: "s.uri", sqlType: "text", direction: "ASC" }], signature: "sources" },
      page,
    );
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: toSourceView(e.node) })) };
  }
}
