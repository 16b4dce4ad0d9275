import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { CompareModelsService } from "../../catalog/compare/compareModels.service";
import type { GraphQLContext } from "../context";
import { ModelComparison } from "./comparison.type";
import { includeFreeDescription, includeRoutersDescription } from "../offering/priceInclusion";

@Resolver(() => ModelComparison)
export class CompareResolver {
  constructor(private readonly comparison: CompareModelsService) {}

  @Query(() => ModelComparison, { description: "Models side by side: limits, each price kind, each capability, modalities and dates, best values marked, differences flagged. An unknown id is an error naming it." })
  compareModels(
    @Arg("ids", () => [ID], { description: "Up to 10 model ids or aliases." }) ids: string[],
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("providerId", () => ID, { nullable: true, description: "Compare this provider's offerings only (prices, availability)." }) providerId?: string | null,
    @Arg("includeFree", () => Boolean, { nullable: true, defaultValue: false, description: includeFreeDescription("in the price rows and their best cells") }) includeFree?: boolean | null,
    @Arg("includeRouters", () => Boolean, { nullable: true, defaultValue: false, description: includeRoutersDescription("in the price rows and their best cells") }) includeRouters?: boolean | null,
  ): ModelComparison {
    return this.comparison.compare(snapshot, ids, providerId, { includeFree, includeRouters }) as unknown as ModelComparison;
  }
}
