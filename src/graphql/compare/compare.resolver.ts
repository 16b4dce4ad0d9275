import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { CompareModelsService } from "../../catalog/compare/compareModels.service";
import type { GraphQLContext } from "../context";
import { ModelComparison } from "./comparison.type";

@Resolver(() => ModelComparison)
export class CompareResolver {
  constructor(private readonly comparison: CompareModelsService) {}

  @Query(() => ModelComparison, { description: "Models side by side: limits, each price kind, each capability, modalities and dates, best values marked, differences flagged. An unknown id is an error naming it." })
  compareModels(
    @Arg("ids", () => [ID], { description: "Up to 10 model ids or aliases." }) ids: string[],
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("providerId", () => ID, { nullable: true, description: "Compare this provider's offerings only (prices, availability)." }) providerId?: string | null,
  ): ModelComparison {
    return this.comparison.compare(snapshot, ids, providerId) as unknown as ModelComparison;
  }
}
