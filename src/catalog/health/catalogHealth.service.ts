import type { CatalogStatusRepository } from "../../db/catalogStatusRepository";
import type { Database } from "../../db/database";

export interface CatalogHealth {
  databaseKind: Database["kind"];
  databaseReachable: boolean;
  migrationsApplied: number;
  models: number;
  sources: number;
  startedAt: Date;
}

/** Whether this server should receive traffic, with each check that decided it. */
export interface CatalogReadiness {
  ready: boolean;
  checks: { databaseReachable: boolean; migrationsApplied: boolean; catalogSeeded: boolean; readModelCurrent: boolean };
}

/** Answers "is the catalog up, and on what": the data behind the `health` query and `/readyz`. */
export class CatalogHealthService {
  private readonly startedAt = new Date();

  constructor(
    private readonly status: CatalogStatusRepository,
    private readonly databaseKind: Database["kind"],
    /** Whether the read model serves what the database holds (false while its last update failed). */
    private readonly readModelCurrent: () => boolean = () => true,
  ) {}

  /**
   * Ready when the database answers, every migration this build knows is applied, a seed completed
   * (when the server seeds on start) and the read model is current.
   */
  async readiness(expected: { migrations: number; seeded: boolean }): Promise<CatalogReadiness> {
    const health = await this.check();
    let catalogSeeded = !expected.seeded;
    if (expected.seeded && health.databaseReachable) {
      catalogSeeded = await this.status.seedCompleted().catch(() => false);
    }
    const checks = {
      databaseReachable: health.databaseReachable,
      migrationsApplied: health.databaseReachable && health.migrationsApplied >= expected.migrations,
      catalogSeeded,
      readModelCurrent: this.readModelCurrent(),
    };
    return { ready: Object.values(checks).every(Boolean), checks };
  }

  async check(): Promise<CatalogHealth> {
    const base = { databaseKind: this.databaseKind, startedAt: this.startedAt };
    try {
      return { ...base, databaseReachable: true, ...(await this.status.counts()) };
    } catch {
      return { ...base, databaseReachable: false, migrationsApplied: 0, models: 0, sources: 0 };
    }
  }
}
