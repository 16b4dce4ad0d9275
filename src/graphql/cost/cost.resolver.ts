import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { CostEstimateService } from "../../catalog/cost/costEstimate.service";
import type { Workload } from "../../catalog/cost/costEstimate";
import type { GraphQLContext } from "../context";
import { ModelFilter } from "../model/modelFilter.input";
import { Model } from "../model/model.type";
import { CostEstimate, CostEstimates } from "./costEstimate.type";
import { WorkloadInput } from "./workload.input";
import { includeFreeDescription, includeRoutersDescription } from "../offering/priceInclusion";

@Resolver(() => CostEstimate)
export class CostResolver {
  constructor(private readonly costs: CostEstimateService) {}

  @Query(() => CostEstimates, { description: "What a workload costs on every offering of the models the filter selects, cheapest first, using the tier that applies, in exact decimals, with the price rows used." })
  estimateCost(
    @Arg("workload", () => WorkloadInput, { description: "What to price." }) workload: WorkloadInput,
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("filter", () => ModelFilter, { nullable: true, description: "The same conditions as `models`." }) filter?: ModelFilter | null,
    @Arg("providerId", () => ID, { nullable: true, description: "Only this provider's offerings." }) providerId?: string | null,
    @Arg("at", () => Date, { nullable: true, description: "Use the prices in force at this instant (e.g. to price last month's traffic)." }) at?: Date | null,
    @Arg("first", () => Int, { nullable: true, description: "How many estimates (default 20, at most 200)." }) first?: number | null,
    @Arg("cheapestPerModel", { nullable: true, description: "Keep only each model's cheapest offering." }) cheapestPerModel?: boolean,
    @Arg("includeFree", () => Boolean, { nullable: true, defaultValue: false, description: includeFreeDescription("among the offerings priced and in the filter's maxPrice") }) includeFree?: boolean | null,
    @Arg("includeRouters", () => Boolean, { nullable: true, defaultValue: false, description: includeRoutersDescription("among the offerings priced and in the filter's maxPrice") }) includeRouters?: boolean | null,
  ): CostEstimates {
    const result = this.costs.estimate(snapshot, workload as Partial<Workload>, { filter, providerId, at, first, cheapestPerModel, include: { includeFree, includeRouters } });
    return { totalCount: result.totalCount, estimates: result.estimates.map(({ offering, cost }) => ({ ...cost, offering, modelId: offering.modelId })) } as unknown as CostEstimates;
  }

  @FieldResolver(() => Model, { description: "The model the offering serves." })
  model(@Root() estimate: CostEstimate & { modelId: string }, @Ctx() { snapshot }: GraphQLContext): Model {
    return snapshot.model(estimate.modelId) as Model;
  }
}
