import type { PrismaClient } from "./generated/client";

/** What the health checks count. */
export interface CatalogCounts {
  migrationsApplied: number;
  models: number;
  sources: number;
}

/** The catalog's bookkeeping: which migrations are applied, how much it holds, whether a seed completed. */
export class CatalogStatusRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Throws when the database cannot be reached. */
  async counts(): Promise<CatalogCounts> {
    const [migrations, models, sources] = await Promise.all([
      // Raw SQL: _prisma_migrations is the migration runner's own table, not a model of the schema.
      this.prisma.$queryRaw<{ count: bigint | number }[]>`SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      this.prisma.model.count(),
      this.prisma.source.count(),
    ]);
    return { migrationsApplied: Number(migrations[0]?.count ?? 0), models, sources };
  }

  /** Whether a seed of the catalog ran to its end. */
  async seedCompleted(): Promise<boolean> {
    return (await this.prisma.catalogSeed.findUnique({ where: { id: 1 }, select: { id: true } })) !== null;
  }

  /** Records that a seed of `documents` documents completed (now). */
  async recordSeed(documents: number): Promise<void> {
    await this.prisma.catalogSeed.upsert({ where: { id: 1 }, create: { id: 1, documents }, update: { documents, completedAt: new Date() } });
  }
}
