import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { OfferingCatalogService } from "../../catalog/offerings/offeringCatalog.service";
import type { GraphQLContext } from "../context";
import { CapabilityFlag } from "../capability/capability.type";
import { toCapabilityFlags } from "../capability/capabilityFlags";
import { PriceKind, PriceMode } from "../common/enums";
import { Model } from "../model/model.type";
import { Provider } from "../party/provider.type";
import { FieldProvenance } from "../provenance/provenance.type";
import { entityKey } from "../provenance/entityKey";
import { pickProvenance } from "../provenance/fieldProvenance";
import { Offering } from "./offering.type";
import { PriceConnection } from "./price.connection";
import { Price } from "./price.type";
import { PriceHistoryArgs } from "./priceHistory.args";
import { ListSize } from "../limits/listSize";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@Resolver(() => Offering)
export class OfferingResolver {
  constructor(private readonly offerings: OfferingCatalogService) {}

  @Query(() => Offering, { nullable: true, description: 'An offering by id ("openai:gpt-4.1-mini"); null if none.' })
  offering(@Arg("id", () => ID, { description: 'The offering id, "<provider>:<provider model id>".' }) id: string, @Ctx() { snapshot }: GraphQLContext): Offering | null {
    return (snapshot.offering(id) as Offering | undefined) ?? null;
  }

  @Query(() => PriceConnection, { description: "Every price an offering has had, current and closed, newest first." })
  priceHistory(@Args() { offeringId, kind, mode, ...page }: PriceHistoryArgs, @Ctx() { snapshot }: GraphQLContext): PriceConnection {
    return this.offerings.priceHistory(snapshot, offeringId, { kind, mode }, page) as unknown as PriceConnection;
  }

  @CacheHint(CACHE_HINTS.price)
  @FieldResolver(() => Boolean, {
    description:
      "Whether it is free: every current base-tier INPUT and OUTPUT price is zero, or its provider model id, model id or name marks a free or promotional tier (`:free`, `-free`, \"(free)\"). Price ordering, `cheapestPrice`, `compareModels`' prices and `estimateCost` leave it out unless asked to include free offerings.",
  })
  free(@Root() offering: Offering, @Ctx() { snapshot }: GraphQLContext): boolean {
    return snapshot.offeringKind(offering.id).free;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether it serves a router's meta-model, which forwards each request to a model of its choosing (`auto`, `openrouter/auto`, `switchpoint/router`, `kilo-auto/…`, Azure's `model-router`): its price says nothing of the model that answers, so price comparisons leave it out unless asked to include routers.",
  })
  router(@Root() offering: Offering, @Ctx() { snapshot }: GraphQLContext): boolean {
    return snapshot.offeringKind(offering.id).router;
  }

  @FieldResolver(() => Provider, { description: "Who serves it." })
  provider(@Root() offering: Offering, @Ctx() { snapshot }: GraphQLContext): Provider {
    return snapshot.provider(offering.providerId) as Provider;
  }

  @FieldResolver(() => Model, { description: "The model it serves." })
  model(@Root() offering: Offering, @Ctx() { snapshot }: GraphQLContext): Model {
    return snapshot.model(offering.modelId) as Model;
  }

  @ListSize(15)
  @FieldResolver(() => [Price], { description: "Its prices in force now, or at `at`: one per kind, unit, mode and tier." })
  prices(
    @Root() offering: Offering,
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("at", () => Date, { nullable: true, description: "The prices in force at this instant (to price past traffic)." }) at?: Date | null,
    @Arg("kind", () => PriceKind, { nullable: true, description: "Only this kind." }) kind?: PriceKind | null,
    @Arg("mode", () => PriceMode, { nullable: true, description: "Only this mode." }) mode?: PriceMode | null,
  ): readonly Price[] {
    return this.offerings.prices(snapshot, offering.id, { at, kind, mode }) as readonly Price[];
  }

  @FieldResolver(() => PriceConnection, { name: "priceHistory", description: "Every price it has had, current and closed, newest first (as Query.priceHistory)." })
  historyOfPrices(
    @Root() offering: Offering,
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("kind", () => PriceKind, { nullable: true, description: "Only this kind." }) kind?: PriceKind | null,
    @Arg("mode", () => PriceMode, { nullable: true, description: "Only this mode." }) mode?: PriceMode | null,
    @Arg("first", () => Int, { nullable: true, description: "How many (default 20, at most 100)." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "A cursor from a previous page." }) after?: string | null,
  ): PriceConnection {
    return this.offerings.priceHistory(snapshot, offering.id, { kind, mode }, { first, after }) as unknown as PriceConnection;
  }

  @ListSize(32)
  @FieldResolver(() => [CapabilityFlag], { description: "Capabilities this provider states for its offering, where they differ from the model's." })
  capabilities(@Root() offering: Offering, @Ctx() { snapshot }: GraphQLContext): CapabilityFlag[] {
    return toCapabilityFlags(snapshot.capabilitiesOfOffering(offering.id));
  }

  @ListSize(60)
  @FieldResolver(() => [FieldProvenance], { description: "Where its values (limits, each price) came from." })
  async provenance(
    @Root() offering: Offering,
    @Ctx() { loaders }: GraphQLContext,
    @Arg("field", () => String, { nullable: true, description: 'One field ("contextWindow", "price.INPUT.PER_1M_TOKENS.STANDARD.0"); all when not given.' }) field?: string | null,
  ): Promise<FieldProvenance[]> {
    return pickProvenance(await loaders.provenance.load(entityKey("OFFERING", offering.id)), field);
  }
}
