import type { Prisma, PrismaClient } from "./generated/client";

/** Every price column but the bookkeeping ones (`currentSlot`, `createdAt`). */
const PRICE_SELECT = {
  id: true,
  offeringId: true,
  kind: true,
  unit: true,
  mode: true,
  contextAbove: true,
  tierRule: true,
  amount: true,
  currency: true,
  validFrom: true,
  validTo: true,
  sourceId: true,
  reason: true,
  version: true,
} satisfies Prisma.PriceSelect;

const SOURCE_SELECT = { id: true, format: true, uri: true, title: true, contentHash: true, sizeBytes: true, importedAt: true } satisfies Prisma.SourceSelect;
const BENCHMARK_SELECT = { modelId: true, name: true, score: true, unit: true, sourceId: true } satisfies Prisma.ModelBenchmarkSelect;

export type PriceRow = Prisma.PriceGetPayload<{ select: typeof PRICE_SELECT }>;
export type SourceRow = Prisma.SourceGetPayload<{ select: typeof SOURCE_SELECT }>;
export type BenchmarkRow = Prisma.ModelBenchmarkGetPayload<{ select: typeof BENCHMARK_SELECT }>;
export type ModelRow = Prisma.ModelGetPayload<object>;
export type OfferingRow = Prisma.OfferingGetPayload<object>;
export type ProviderRow = Prisma.ProviderGetPayload<object>;
export type AuthorRow = Prisma.AuthorGetPayload<object>;
export type AliasRow = { alias: string; modelId: string };
export type CapabilityRow = { ownerId: string; capabilityKey: string; level: Prisma.ModelCapabilityGetPayload<object>["level"] };
export type CapabilityDefinitionRow = { key: string; name: string; category: string; description: string | null };

/** The small tables the public read model is built from, read whole. */
export interface CatalogSmallRows {
  authors: AuthorRow[];
  providers: ProviderRow[];
  aliases: AliasRow[];
  offeringCapabilities: CapabilityRow[];
  capabilityDefinitions: CapabilityDefinitionRow[];
  benchmarks: BenchmarkRow[];
  sources: SourceRow[];
}

/**
 * Rows per page of the large tables. A Prisma row is several times the size of the view made from it (a
 * price row with its Decimal is about 900 bytes): read whole at 100 times the catalog, the rows alone
 * were about 2 GB on top of the snapshot being replaced and the one being built.
 */
const PAGE_ROWS = 20_000;

/** Reads pages until one comes back short, each after the last row of the one before. */
async function pages<Row>(pageRows: number, read: (after: Row | undefined) => Promise<Row[]>, visit: (rows: Row[]) => void): Promise<void> {
  let after: Row | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) visit(rows);
    if (rows.length < pageRows) return;
    after = rows[rows.length - 1];
  }
}

/**
 * Reads the reconciled catalog for the in-process read model, through the generated Prisma client: the
 * small tables whole, the large ones (models, offerings, prices, model capabilities) a page at a time in
 * key order, each page handed to the caller to map and drop; or the price rows of a few offerings (a patch
 * after a price change). Every read is a plain `findMany`, one table each.
 */
export class CatalogReadRepository {
  /** `pageRows`: rows per page of the large tables (a test pages by a few). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly pageRows: number = PAGE_ROWS,
  ) {}

  // Sequential, not Promise.all: PGlite has one connection, and on PostgreSQL the reads are short.
  // One transaction would give a consistent cut, but a long read transaction on PGlite blocks writers;
  // a write racing a rebuild announces itself and is applied after it (see CatalogReadModel).

  async loadSmallTables(): Promise<CatalogSmallRows> {
    const prisma = this.prisma;
    const authors = await prisma.author.findMany();
    const providers = await prisma.provider.findMany();
    const aliases = await prisma.modelAlias.findMany({ select: { alias: true, modelId: true } });
    const offeringCapabilities = (await prisma.offeringCapability.findMany()).map((c) => ({ ownerId: c.offeringId, capabilityKey: c.capabilityKey, level: c.level }));
    const capabilityDefinitions = await prisma.capabilityDefinition.findMany({ select: { key: true, name: true, category: true, description: true } });
    const benchmarks = await prisma.modelBenchmark.findMany({ select: BENCHMARK_SELECT });
    const sources = await prisma.source.findMany({ select: SOURCE_SELECT });
    return { authors, providers, aliases, offeringCapabilities, capabilityDefinitions, benchmarks, sources };
  }

  /** Every model, a page at a time in id order. */
  forEachModelPage(visit: (rows: ModelRow[]) => void): Promise<void> {
    return pages(this.pageRows, (after) => this.prisma.model.findMany({ orderBy: { id: "asc" }, take: this.pageRows, ...(after ? { cursor: { id: after.id }, skip: 1 } : {}) }), visit);
  }

  /** Every offering, a page at a time in id order. */
  forEachOfferingPage(visit: (rows: OfferingRow[]) => void): Promise<void> {
    return pages(this.pageRows, (after) => this.prisma.offering.findMany({ orderBy: { id: "asc" }, take: this.pageRows, ...(after ? { cursor: { id: after.id }, skip: 1 } : {}) }), visit);
  }

  /** Every price row, current and closed, a page at a time in id order. */
  forEachPricePage(visit: (rows: PriceRow[]) => void): Promise<void> {
    return pages(this.pageRows, (after) => this.prisma.price.findMany({ select: PRICE_SELECT, orderBy: { id: "asc" }, take: this.pageRows, ...(after ? { cursor: { id: after.id }, skip: 1 } : {}) }), visit);
  }

  /**
   * Every model's capability level, a page at a time in (model, key) order. Paged by model id, not by
   * Prisma's cursor: over a two-column key its cursor condition ((a = x AND b >= y) OR a > x) cannot use
   * the primary key, and every page scanned and sorted the whole table (1.6 million rows at 100 times
   * the catalog). A page ends before its last model, which the next page reads whole.
   */
  async forEachModelCapabilityPage(visit: (rows: CapabilityRow[]) => void): Promise<void> {
    let after: string | undefined;
    for (;;) {
      const rows = await this.prisma.modelCapability.findMany({
        where: after === undefined ? {} : { modelId: { gt: after } },
        orderBy: [{ modelId: "asc" }, { capabilityKey: "asc" }],
        take: this.pageRows,
      });
      const full = rows.length === this.pageRows;
      const lastModel = rows[rows.length - 1]?.modelId;
      const complete = full ? rows.filter((c) => c.modelId !== lastModel) : rows;
      if (full && complete.length === 0) throw new Error(`Model ${lastModel} has more than ${this.pageRows} capability rows`);
      if (complete.length > 0) visit(complete.map((c) => ({ ownerId: c.modelId, capabilityKey: c.capabilityKey, level: c.level })));
      if (!full) return;
      after = complete[complete.length - 1].modelId;
    }
  }

  /** Every price row (current and closed) of these offerings. */
  async pricesOfOfferings(offeringIds: readonly string[]): Promise<PriceRow[]> {
    if (offeringIds.length === 0) return [];
    return this.prisma.price.findMany({ select: PRICE_SELECT, where: { offeringId: { in: [...offeringIds] } } });
  }

  /** The sources with these ids (a price patch may cite a source the snapshot has not seen). */
  async sourcesByIds(ids: readonly string[]): Promise<SourceRow[]> {
    if (ids.length === 0) return [];
    return this.prisma.source.findMany({ select: SOURCE_SELECT, where: { id: { in: [...ids] } } });
  }
}
