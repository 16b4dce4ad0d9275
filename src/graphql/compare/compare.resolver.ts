import { Arg, ID, Query, Resolver } from "type-graphql";
import type { CompareModelsService } from "../../catalog/compare/compareModels.service";
import { ModelComparison } from "./comparison.type";

@Resolver(() => ModelComparison)
export class CompareResolver {
  constructor(private readonly comparison: CompareModelsService) {}

  @Query(() => ModelComparison, { description: "Models side by side: limits, each price kind, each capability, modalities and dates, best values marked, differences flagged. An unknown id is an error naming it." })
  async compareModels(
    @Arg("ids", () => [ID], { description: "Up to 10 model ids or aliases." }) ids: string[],
    @Arg("providerId", () => ID, { nullable: true, description: "Compare this provider's offerings only (prices, availability)." }) providerId?: string | null,
  ): Promise<ModelComparison> {
    return (await this.comparison.compare(ids, providerId)) as unknown as ModelComparison;
  }
}
