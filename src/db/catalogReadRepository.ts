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

/** Everything the public read model is built from: the reconciled catalog, without facts and decisions. */
export interface CatalogRows {
  authors: AuthorRow[];
  providers: ProviderRow[];
  models: ModelRow[];
  aliases: AliasRow[];
  offerings: OfferingRow[];
  /** Every price row, current and closed. */
  prices: PriceRow[];
  modelCapabilities: CapabilityRow[];
  offeringCapabilities: CapabilityRow[];
  capabilityDefinitions: CapabilityDefinitionRow[];
  benchmarks: BenchmarkRow[];
  sources: SourceRow[];
}

/**
 * Reads the reconciled catalog for the in-process read model, through the generated Prisma client: the
 * whole catalog at once (a rebuild), or the price rows of a few offerings (a patch after a price change).
 * Every read is a plain `findMany`, one table each; the catalog is small enough to read whole.
 */
export class CatalogReadRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async loadAll(): Promise<CatalogRows> {
    // Sequential, not Promise.all: PGlite has one connection, and on PostgreSQL the reads are short.
    // One transaction would give a consistent cut, but a long read transaction on PGlite blocks writers;
    // a write racing a rebuild announces itself and is applied after it (see CatalogReadModel).
    const prisma = this.prisma;
    const authors = await prisma.author.findMany();
    const providers = await prisma.provider.findMany();
    const models = await prisma.model.findMany();
    const aliases = await prisma.modelAlias.findMany({ select: { alias: true, modelId: true } });
    const offerings = await prisma.offering.findMany();
    const prices = await prisma.price.findMany({ select: PRICE_SELECT });
    const modelCapabilities = (await prisma.modelCapability.findMany()).map((c) => ({ ownerId: c.modelId, capabilityKey: c.capabilityKey, level: c.level }));
    const offeringCapabilities = (await prisma.offeringCapability.findMany()).map((c) => ({ ownerId: c.offeringId, capabilityKey: c.capabilityKey, level: c.level }));
    const capabilityDefinitions = await prisma.capabilityDefinition.findMany({ select: { key: true, name: true, category: true, description: true } });
    const benchmarks = await prisma.modelBenchmark.findMany({ select: BENCHMARK_SELECT });
    const sources = await prisma.source.findMany({ select: SOURCE_SELECT });
    return { authors, providers, models, aliases, offerings, prices, modelCapabilities, offeringCapabilities, capabilityDefinitions, benchmarks, sources };
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
