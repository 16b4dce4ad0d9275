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

@Resolver(() => Offering)
export class OfferingResolver {
  constructor(private readonly offerings: OfferingCatalogService) {}

  @Query(() => Offering, { nullable: true, description: 'An offering by id ("openai:gpt-4.1-mini"); null if none.' })
  async offering(@Arg("id", () => ID, { description: 'The offering id, "<provider>:<provider model id>".' }) id: string, @Ctx() { loaders }: GraphQLContext): Promise<Offering | null> {
    return ((await loaders.offering.load(id)) as Offering | undefined) ?? null;
  }

  @Query(() => PriceConnection, { description: "Every price an offering has had, current and closed, newest first." })
  async priceHistory(@Args() { offeringId, kind, mode, ...page }: PriceHistoryArgs): Promise<PriceConnection> {
    return (await this.offerings.priceHistory(offeringId, { kind, mode }, page)) as unknown as PriceConnection;
  }

  @FieldResolver(() => Provider, { description: "Who serves it." })
  async provider(@Root() offering: Offering, @Ctx() { loaders }: GraphQLContext): Promise<Provider> {
    return (await loaders.provider.load(offering.providerId)) as Provider;
  }

  @FieldResolver(() => Model, { description: "The model it serves." })
  async model(@Root() offering: Offering, @Ctx() { loaders }: GraphQLContext): Promise<Model> {
    return (await loaders.model.load(offering.modelId)) as Model;
  }

  @FieldResolver(() => [Price], { description: "Its prices in force now, or at `at`: one per kind, unit, mode and tier." })
  async prices(
    @Root() offering: Offering,
    @Ctx() { loaders }: GraphQLContext,
    @Arg("at", () => Date, { nullable: true, description: "The prices in force at this instant (to price past traffic)." }) at?: Date | null,
    @Arg("kind", () => PriceKind, { nullable: true, description: "Only this kind." }) kind?: PriceKind | null,
    @Arg("mode", () => PriceMode, { nullable: true, description: "Only this mode." }) mode?: PriceMode | null,
  ): Promise<Price[]> {
    return (await loaders.prices({ at: at ?? null, kind: kind ?? null, mode: mode ?? null }).load(offering.id)) as Price[];
  }

  @FieldResolver(() => PriceConnection, { name: "priceHistory", description: "Every price it has had, current and closed, newest first (as Query.priceHistory)." })
  async historyOfPrices(
    @Root() offering: Offering,
    @Arg("kind", () => PriceKind, { nullable: true, description: "Only this kind." }) kind?: PriceKind | null,
    @Arg("mode", () => PriceMode, { nullable: true, description: "Only this mode." }) mode?: PriceMode | null,
    @Arg("first", () => Int, { nullable: true, description: "How many (default 20, at most 100)." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "A cursor from a previous page." }) after?: string | null,
  ): Promise<PriceConnection> {
    return (await this.offerings.priceHistory(offering.id, { kind, mode }, { first, after })) as unknown as PriceConnection;
  }

  @FieldResolver(() => [CapabilityFlag], { description: "Capabilities this provider states for its offering, where they differ from the model's." })
  async capabilities(@Root() offering: Offering, @Ctx() { loaders }: GraphQLContext): Promise<CapabilityFlag[]> {
    const values = await loaders.capabilitiesOfOffering.load(offering.id);
    return toCapabilityFlags(values);
  }

  @FieldResolver(() => [FieldProvenance], { description: "Where its values (limits, each price) came from." })
  async provenance(
    @Root() offering: Offering,
    @Ctx() { loaders }: GraphQLContext,
    @Arg("field", () => String, { nullable: true, description: 'One field ("contextWindow", "price.INPUT.PER_1M_TOKENS.STANDARD.0"); all when not given.' }) field?: string | null,
  ): Promise<FieldProvenance[]> {
    return pickProvenance(await loaders.provenance.load(entityKey("OFFERING", offering.id)), field);
  }
}
