import type { Database } from "../../db/database";

export interface CatalogHealth {
  databaseKind: Database["kind"];
  databaseReachable: boolean;
  migrationsApplied: number;
  models: number;
  sources: number;
  startedAt: Date;
}

/** Answers "is the catalog up, and on what": the data behind the `health` query. */
export class CatalogHealthService {
  private readonly startedAt = new Date();

  constructor(private readonly database: Database) {}

  async check(): Promise<CatalogHealth> {
    const base = { databaseKind: this.database.kind, startedAt: this.startedAt };
    try {
      const [migrations, models, sources] = await Promise.all([
        this.database.prisma.$queryRawUnsafe<{ count: bigint | number }[]>(
          `SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        ),
        this.database.prisma.model.count(),
        this.database.prisma.source.count(),
      ]);
      return { ...base, databaseReachable: true, migrationsApplied: Number(migrations[0]?.count ?? 0), models, sources };
    } catch {
      return { ...base, databaseReachable: false, migrationsApplied: 0, models: 0, sources: 0 };
    }
  }
}
