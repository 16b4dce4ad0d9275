import { deferChecksWhileEmpty, type DeferredChecks } from "./bulkLoadChecks";
import { insertRows } from "./bulkRows";
import type { SqlSession } from "./database";
import { tableColumns } from "./tableColumns";

// The loader's own statements (src/catalog/load/loadDocuments.ts): sources, the names identity resolves
// against, the stub rows facts attach to, aliases and benchmarks, inside a format group's transaction on
// its SqlSession, in bulk (bulkRows.ts says why: row by row, a seed's 6,380 sources and 7,500 records
// took minutes). Prisma's client cannot join that transaction.

/** The tables a group's bulk writes fill after its stubs: facts, decisions, capability levels, prices. */
const BULK_LOADED_TABLES = ["Fact", "FieldDecision", "ModelCapability", "OfferingCapability", "Price"];

/**
 * The indexes and foreign keys of those tables a load of `rows` facts may build after its rows: those of
 * the empty ones, when the load is large (bulkLoadChecks.ts). A first seed's first group.
 */
export function deferLoadChecks(tx: SqlSession, rows: number): Promise<DeferredChecks> {
  return deferChecksWhileEmpty(tx, BULK_LOADED_TABLES, rows);
}

/** A stored source: its id, URI and content hash. */
export interface StoredSource {
  id: string;
  uri: string;
  contentHash: string;
}

/** A source as a load writes it. */
export interface SourceRow {
  id: string;
  format: string;
  uri: string;
  title: string | null;
  contentHash: string;
  sizeBytes: number;
  importedAt: string;
}

/** The sources stored under the given URIs. */
export function sourcesByUri(tx: SqlSession, uris: readonly string[]): Promise<StoredSource[]> {
  return tx.query<StoredSource>(`SELECT id, uri, "contentHash" FROM "Source" WHERE uri = ANY($1::text[])`, [uris]);
}

/** How many of the given sources are still as a load that imported them at `importedAt` left them (nobody has loaded them since). */
export async function sourcesImportedAt(tx: SqlSession, ids: readonly string[], importedAt: Date): Promise<number> {
  const [{ count }] = await tx.query<{ count: string | number }>(`SELECT count(*) AS count FROM "Source" WHERE id = ANY($1::text[]) AND "importedAt" = $2::timestamp(3)`, [
    ids,
    importedAt.toISOString(),
  ]);
  return Number(count);
}

/**
 * Writes sources (a URI already stored keeps its id and takes the new hash, size, title and import time)
 * and returns the id each URI has now: two imports of one new document may run at once, each making up
 * an id, and the row of the one that committed first is kept.
 */
export async function writeSources(tx: SqlSession, sources: readonly SourceRow[]): Promise<Map<string, string>> {
  // Both issued at once: the read runs after the upsert on the transaction's connection.
  const [, landed] = await Promise.all([
    insertRows(
      tx,
      "Source",
      tableColumns("Source", ["id", "format", "uri", "title", "contentHash", "sizeBytes", "importedAt"] as const satisfies readonly (keyof SourceRow)[]),
      sources as unknown as Record<string, unknown>[],
      { onConflict: `ON CONFLICT (uri) DO UPDATE SET "contentHash" = EXCLUDED."contentHash", "sizeBytes" = EXCLUDED."sizeBytes", title = EXCLUDED.title, "importedAt" = EXCLUDED."importedAt"` },
    ),
    sourcesByUri(
      tx,
      sources.map((s) => s.uri),
    ),
  ]);
  return new Map(landed.map((s) => [s.uri, s.id]));
}

/** What model identity resolves names against: every model with its author, every alias, every author and provider id. */
export async function identityNames(tx: SqlSession): Promise<{ models: { id: string; authorId: string | null }[]; aliases: { alias: string; modelId: string }[]; parties: string[] }> {
  const [models, aliases, parties] = await Promise.all([
    tx.query<{ id: string; authorId: string | null }>(`SELECT id, "authorId" FROM "Model"`),
    tx.query<{ alias: string; modelId: string }>(`SELECT alias, "modelId" FROM "ModelAlias"`),
    tx.query<{ id: string }>(`SELECT id FROM "Author" UNION SELECT id FROM "Provider"`),
  ]);
  return { models, aliases, parties: parties.map((p) => p.id) };
}

/**
 * The models stated by the provider files of the given providers. The files are found among the sources
 * first (a few thousand rows) and their facts by the Fact source index: matching the patterns against
 * every fact's source in one join took 4.5 s of a 27 s PostgreSQL seed.
 */
export async function modelsStatedByProviderFiles(tx: SqlSession, providerIds: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ entityId: string }>(
    `SELECT DISTINCT f."entityId" FROM "Fact" f
      WHERE f."sourceId" = ANY(ARRAY(SELECT id FROM "Source" WHERE uri LIKE ANY($1::text[]))) AND f."entityType" = 'MODEL'`,
    [providerIds.map((id) => `%providers/${id}/%`)],
  );
  return rows.map((r) => r.entityId);
}

/** Every author's id. */
export async function authorIds(tx: SqlSession): Promise<Set<string>> {
  return new Set((await tx.query<{ id: string }>(`SELECT id FROM "Author"`)).map((a) => a.id));
}

/** How many fields sources disagree on, over the whole catalog. */
export async function conflictCount(session: SqlSession): Promise<number> {
  const [{ count }] = await session.query<{ count: string | number }>(`SELECT count(*) AS count FROM "FieldDecision" WHERE "hasConflict"`);
  return Number(count);
}

/** The rows facts attach to, as a load first names them. */
export interface Stubs {
  authors: string[];
  providers: string[];
  models: string[];
  offerings: { id: string; providerId: string; modelId: string; providerModelId: string }[];
  aliases: { alias: string; modelId: string }[];
}

/** Creates the rows that do not exist yet (named by their id until a decision names them) and the new aliases; returns the ids created. */
export async function insertStubs(tx: SqlSession, stubs: Stubs, now: Date): Promise<{ authors: string[]; providers: string[]; models: string[]; offerings: string[] }> {
  const at = now.toISOString();
  const named = (ids: string[]) => ids.map((id) => ({ id, name: id, updatedAt: at }));
  const onConflict = { onConflict: "ON CONFLICT DO NOTHING", returning: "id" };
  // Issued at once, in an order the foreign keys accept (an offering's model and provider, an alias's
  // model, before it): the connection runs them in that order, and a load goes on comparing facts
  // while they run.
  const [authors, providers, models, offerings] = await Promise.all([
    insertRows(tx, "Author", tableColumns("Author", ["id", "name", "updatedAt"]), named(stubs.authors), onConflict),
    insertRows(tx, "Provider", tableColumns("Provider", ["id", "name", "updatedAt"]), named(stubs.providers), onConflict),
    insertRows(tx, "Model", tableColumns("Model", ["id", "name", "updatedAt"]), named(stubs.models), onConflict),
    insertRows(tx, "Offering", tableColumns("Offering", ["id", "providerId", "modelId", "providerModelId", "updatedAt"]), stubs.offerings.map((o) => ({ ...o, updatedAt: at })), onConflict),
    insertRows(tx, "ModelAlias", tableColumns("ModelAlias", ["alias", "modelId"]), stubs.aliases, { onConflict: "ON CONFLICT DO NOTHING" }),
  ]);
  return { authors, providers, models, offerings };
}

/** A benchmark score as a load writes it. */
export interface BenchmarkRecord {
  id: string;
  modelId: string;
  name: string;
  score: string;
  unit: string | null;
  sourceId: string;
}

/** Writes benchmark scores; a model's score of a benchmark already stored takes the new value and source. */
export async function writeBenchmarks(tx: SqlSession, rows: readonly BenchmarkRecord[]): Promise<void> {
  await insertRows(
    tx,
    "ModelBenchmark",
    tableColumns("ModelBenchmark", ["id", "modelId", "name", "score", "unit", "sourceId"] as const satisfies readonly (keyof BenchmarkRecord)[]),
    rows as unknown as Record<string, unknown>[],
    { onConflict: `ON CONFLICT ("modelId", name) DO UPDATE SET score = EXCLUDED.score, unit = EXCLUDED.unit, "sourceId" = EXCLUDED."sourceId"` },
  );
}
