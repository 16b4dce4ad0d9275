import { Query, Resolver } from "type-graphql";
import { CatalogHealthService } from "../../catalog/health/catalogHealth.service";
import { DatabaseKind, Health } from "./health.type";
import { APP_VERSION } from "../../version";
import { ReadsDatabase } from "../cache/readsDatabase";

@Resolver(() => Health)
export class HealthResolver {
  constructor(private readonly healthService: CatalogHealthService) {}

  @ReadsDatabase()
  @Query(() => Health, { description: "Liveness and readiness of the service and its database." })
  async health(): Promise<Health> {
    const h = await this.healthService.check();
    return {
      status: h.databaseReachable ? "ok" : "degraded",
      version: APP_VERSION,
      database: h.databaseKind === "pglite" ? DatabaseKind.PGLITE : DatabaseKind.POSTGRESQL,
      migrationsApplied: h.migrationsApplied,
      models: h.models,
      sources: h.sources,
      startedAt: h.startedAt,
    };
  }
}
