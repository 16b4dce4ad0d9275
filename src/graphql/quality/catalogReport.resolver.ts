import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import type { CatalogQualityService } from "../../catalog/quality/catalogQuality.service";
import { ReadsDatabase } from "../cache/readsDatabase";
import type { GraphQLContext } from "../context";
import { CatalogReport } from "./catalogReport.type";

@Resolver(() => CatalogReport)
export class CatalogReportResolver {
  constructor(private readonly quality: CatalogQualityService) {}

  @Authorized("ADMIN")
  @ReadsDatabase()
  @Query(() => CatalogReport, {
    description: "The catalog quality report (the same `npm run catalog:report` prints): suspected duplicates, conflicts by field and pattern, models without limits or prices, documents that contributed nothing. Needs an ADMIN key.",
  })
  async catalogReport(
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("limit", () => Int, { defaultValue: 20, description: "The most entries each list holds (0 to 100); totals count everything." }) limit: number,
  ): Promise<CatalogReport> {
    return (await this.quality.report(snapshot, limit)) as unknown as CatalogReport;
  }
}
