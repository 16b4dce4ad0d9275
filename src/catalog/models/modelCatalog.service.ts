import Decimal from "decimal.js";
import type { Database } from "../../db/database";
import { groupByKeys, oneByKeys } from "../batch";
import { canonicalProviderId } from "../identity/partyIdentity";
import { keysetPage, type KeysetPage } from "../pagination/keysetPage";
import type { PageArgs } from "../pagination/pageArgs";
import type { BenchmarkView, ModelView } from "../views";
import { modelFilterSql, type ModelFilter } from "./modelFilter";
import { modelSortKeys, orderSignature, type ModelOrder } from "./modelOrder";
import { MODEL_COLUMNS, toModelView } from "./modelRows";

/** Reads models: one by id or alias, many by ids (for batching), or a filtered, ordered page. */
export class ModelCatalogService {
  constructor(private readonly database: Database) {}

  /** The model a name stands for (its id, an alias or a dated snapshot id, any case); undefined if none. */
  async findModel(idOrAlias: string): Promise<ModelView | undefined> {
    const name = idOrAlias.trim().toLowerCase();
    const rows = await this.database.sql.query<Record<string, unknown>>(
      `SELECT ${MODEL_COLUMNS} FROM "Model" m WHERE m.id = $1 OR m.id = (SELECT "modelId" FROM "ModelAlias" WHERE alias = $1) ORDER BY (m.id = $1) DESC LIMIT 1`,
      [name],
    );
    return rows[0] ? toModelView(rows[0]) : undefined;
  }

  /** Models by id, in the order asked, undefined where there is none: a batch function for loaders. */
  async modelsByIds(ids: readonly string[]): Promise<(ModelView | undefined)[]> {
    const rows = await this.database.sql.query<Record<string, unknown>>(`SELECT ${MODEL_COLUMNS} FROM "Model" m WHERE m.id = ANY($1::text[])`, [[...ids]]);
    return oneByKeys(ids, rows.map(toModelView), (m) => m.id);
  }

  /** Resolves each name (id or alias) to a model id; undefined for names the catalog does not know. */
  async resolveIds(names: readonly string[]): Promise<(string | undefined)[]> {
    const lower = names.map((n) => n.trim().toLowerCase());
    const rows = await this.database.sql.query<{ name: string; id: string }>(
      `SELECT n AS name, COALESCE((SELECT id FROM "Model" WHERE id = n), (SELECT "modelId" FROM "ModelAlias" WHERE alias = n)) AS id FROM unnest($1::text[]) AS n`,
      [lower],
    );
    const byName = new Map(rows.map((r) => [r.name, r.id ?? undefined]));
    return lower.map((n) => byName.get(n));
  }

  /** A page of models matching `filter` in `orderBy` order (name by default), with the total count. */
  async listModels(filter: ModelFilter | null | undefined, orderBy: ModelOrder[] | null | undefined, page: PageArgs): Promise<KeysetPage<ModelView>> {
    const params: unknown[] = [];
    const where = modelFilterSql(filter, params);
    const providers = filter?.providerIds?.map(canonicalProviderId);
    const result = await keysetPage<Record<string, unknown>>(
      this.database.sql,
      { select: MODEL_COLUMNS, from: `FROM "Model" m`, where, params, keys: modelSortKeys(orderBy, providers), signature: orderSignature(orderBy, providers) },
      page,
    );
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: toModelView(e.node) })) };
  }

  /** The ids of every model matching `filter` (for cost estimates), capped at `limit`. */
  async matchingIds(filter: ModelFilter | null | undefined, limit: number): Promise<string[]> {
    const params: unknown[] = [];
    const where = modelFilterSql(filter, params);
    const rows = await this.database.sql.query<{ id: string }>(
      `SELECT m.id FROM "Model" m ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY m.id LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Published benchmark scores per model id, for batching. */
  async benchmarksByModelIds(ids: readonly string[]): Promise<BenchmarkView[][]> {
    const rows = await this.database.sql.query<BenchmarkView>(
      `SELECT "modelId", name, score::text AS score, unit, "sourceId" FROM "ModelBenchmark" WHERE "modelId" = ANY($1::text[]) ORDER BY name`,
      [[...ids]],
    );
    return groupByKeys(ids, rows.map((r) => ({ ...r, score: new Decimal(r.score).toFixed() })), (r) => r.modelId);
  }

  /** Aliases per model id, for batching. */
  async aliasesByModelIds(ids: readonly string[]): Promise<string[][]> {
    const rows = await this.database.sql.query<{ modelId: string; alias: string }>(`SELECT "modelId", alias FROM "ModelAlias" WHERE "modelId" = ANY($1::text[]) ORDER BY alias`, [[...ids]]);
    return groupByKeys(ids, rows, (r) => r.modelId).map((group) => group.map((r) => r.alias));
  }
}
