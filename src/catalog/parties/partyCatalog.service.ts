import type { Database } from "../../db/database";
import { containsPattern } from "../../db/sqlText";
import { oneByKeys } from "../batch";
import { canonicalAuthorId, canonicalProviderId } from "../identity/partyIdentity";
import { keysetPage, type KeysetPage } from "../pagination/keysetPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { AuthorView, ProviderKind, ProviderView } from "../views";

const PROVIDER_COLUMNS = `p.id, p.name, p.kind::text AS kind, p."docsUrl", p."apiUrl", p."apiKeyEnvVars", p."sdkPackage", p."statusPageUrl",
  p."privacyPolicyUrl", p."trainsOnData", p."dataRetentionDays", p.headquarters, p.version`;
const AUTHOR_COLUMNS = `a.id, a.name, a.url, a.description, a.version`;

export interface ProviderFilter {
  search?: string | null;
  kinds?: ProviderKind[] | null;
}

/** Reads providers and authors (the parties of the catalog). Other catalogs' ids are accepted too. */
export class PartyCatalogService {
  constructor(private readonly database: Database) {}

  async providersByIds(ids: readonly string[]): Promise<(ProviderView | undefined)[]> {
    const canonical = ids.map(canonicalProviderId);
    const rows = await this.database.sql.query<ProviderView>(`SELECT ${PROVIDER_COLUMNS} FROM "Provider" p WHERE p.id = ANY($1::text[])`, [canonical]);
    return oneByKeys(canonical, rows, (p) => p.id);
  }

  async authorsByIds(ids: readonly string[]): Promise<(AuthorView | undefined)[]> {
    const canonical = ids.map(canonicalAuthorId);
    const rows = await this.database.sql.query<AuthorView>(`SELECT ${AUTHOR_COLUMNS} FROM "Author" a WHERE a.id = ANY($1::text[])`, [canonical]);
    return oneByKeys(canonical, rows, (a) => a.id);
  }

  /** Providers by name, optionally of some kinds or matching words in their id or name. */
  async listProviders(filter: ProviderFilter | null | undefined, page: PageArgs): Promise<KeysetPage<ProviderView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter?.search?.trim()) {
      params.push(containsPattern(filter.search.trim()));
      where.push(`(p.id ILIKE $${params.length} OR p.name ILIKE $${params.length})`);
    }
    if (filter?.kinds?.length) {
      params.push(filter.kinds);
      where.push(`p.kind = ANY($${params.length}::text[]::text[]::"ProviderKind"[])`);
    }
    return keysetPage<ProviderView>(
      this.database.sql,
      {
        select: PROVIDER_COLUMNS,
        from: `FROM "Provider" p`,
        where,
        params,
        keys: [
          { expr: "lower(p.name)", sqlType: "text", direction: "ASC" },
          { expr: "p.id", sqlType: "text", direction: "ASC" },
        ],
        signature: "providers",
      },
      page,
    );
  }

  /** Authors by name. */
  async listAuthors(page: PageArgs): Promise<KeysetPage<AuthorView>> {
    return keysetPage<AuthorView>(
      this.database.sql,
      {
        select: AUTHOR_COLUMNS,
        from: `FROM "Author" a`,
        where: [],
        params: [],
        keys: [
          { expr: "lower(a.name)", sqlType: "text", direction: "ASC" },
          { expr: "a.id", sqlType: "text", direction: "ASC" },
        ],
        signature: "authors",
      },
      page,
    );
  }

  /** How many models each author has, for batching. */
  async modelCountsByAuthorIds(ids: readonly string[]): Promise<number[]> {
    const rows = await this.database.sql.query<{ authorId: string; count: string | number }>(
      `SELECT "authorId", count(*) AS count FROM "Model" WHERE "authorId" = ANY($1::text[]) GROUP BY "authorId"`,
      [[...ids]],
    );
    return oneByKeys(ids, rows, (r) => r.authorId).map((r) => Number(r?.count ?? 0));
  }
}
