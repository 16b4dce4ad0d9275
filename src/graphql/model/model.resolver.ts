import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { ModelCatalogService } from "../../catalog/models/modelCatalog.service";
import { supports } from "../../catalog/capabilities/capabilityLevels";
import type { GraphQLContext } from "../context";
import { CapabilityFlag } from "../capability/capability.type";
import { toCapabilityFlags } from "../capability/capabilityFlags";
import { Offering } from "../offering/offering.type";
import { Author } from "../party/author.type";
import { FieldProvenance } from "../provenance/provenance.type";
import { entityKey } from "../provenance/entityKey";
import { pickProvenance } from "../provenance/fieldProvenance";
import { PriceKind, PriceMode } from "../common/enums";
import { Price } from "../offering/price.type";
import { Benchmark } from "./benchmark.type";
import { ModelConnection } from "./model.connection";
import { Model } from "./model.type";
import { ModelsArgs } from "./models.args";
import { ListSize } from "../limits/listSize";
import { includeFreeDescription, includeRoutersDescription } from "../offering/priceInclusion";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@Resolver(() => Model)
export class ModelResolver {
  constructor(private readonly modelCatalog: ModelCatalogService) {}

  @Query(() => Model, { nullable: true, description: 'A model by its id or an alias ("gpt-4.1-mini", "openai/gpt-4.1-mini", a dated snapshot id); null if the catalog has none.' })
  model(@Arg("id", () => ID, { description: "The model's id or an alias, any case." }) id: string, @Ctx() { snapshot }: GraphQLContext): Model | null {
    return (snapshot.findModel(id) as Model | undefined) ?? null;
  }

  // Which models a page holds, and their order, may follow prices (orderBy a price, maxPrice): the list is
  // as fresh as prices, whatever of the models it selects.
  @CacheHint(CACHE_HINTS.price)
  @Query(() => ModelConnection, { description: "Models, filtered and sorted, a page at a time (Relay cursor connection)." })
  models(@Args() { filter, orderBy, includeFree, includeRouters, ...page }: ModelsArgs, @Ctx() { snapshot }: GraphQLContext): ModelConnection {
    return this.modelCatalog.listModels(snapshot, filter, orderBy, page, { includeFree, includeRouters }) as unknown as ModelConnection;
  }

  @FieldResolver(() => Author, { nullable: true, description: "Who made it; null when no source says." })
  author(@Root() model: Model, @Ctx() { snapshot }: GraphQLContext): Author | null {
    return model.authorId ? (snapshot.author(model.authorId) ?? null) : null;
  }

  @ListSize(15)
  @FieldResolver(() => [String], { description: "Other names that find this model: the author-prefixed id, dated snapshots, providers' ids." })
  aliases(@Root() model: Model, @Ctx() { snapshot }: GraphQLContext): readonly string[] {
    return snapshot.aliasesOf(model.id);
  }

  @ListSize(15)
  @FieldResolver(() => [Benchmark], { description: "Published benchmark scores; empty when no source gives any." })
  benchmarks(@Root() model: Model, @Ctx() { snapshot }: GraphQLContext): readonly Benchmark[] {
    return snapshot.benchmarksOf(model.id) as readonly Benchmark[];
  }

  @ListSize(50)
  @FieldResolver(() => [Offering], { description: "The providers serving it, each with its own id, limits and prices." })
  offerings(
    @Root() model: Model,
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("providerId", () => ID, { nullable: true, description: "Only this provider's offering." }) providerId?: string | null,
  ): readonly Offering[] {
    return snapshot.offeringsOfModel(model.id, providerId) as readonly Offering[];
  }

  @FieldResolver(() => Price, {
    nullable: true,
    description: "Its cheapest current base-tier price of a kind over its offerings (a list's \"from\" price), free and router offerings left out unless included; null when none prices it.",
  })
  cheapestPrice(
    @Root() model: Model,
    @Ctx() { snapshot }: GraphQLContext,
    @Arg("kind", () => PriceKind, { description: "The kind of price, e.g. INPUT." }) kind: PriceKind,
    @Arg("mode", () => PriceMode, { nullable: true, description: "STANDARD by default." }) mode?: PriceMode | null,
    @Arg("currency", () => String, { nullable: true, description: "USD by default." }) currency?: string | null,
    @Arg("includeFree", () => Boolean, { nullable: true, defaultValue: false, description: includeFreeDescription("among its offerings") }) includeFree?: boolean | null,
    @Arg("includeRouters", () => Boolean, { nullable: true, defaultValue: false, description: includeRoutersDescription("among its offerings") }) includeRouters?: boolean | null,
  ): Price | null {
    return snapshot.cheapestPrice(model.id, { kind, mode: mode ?? "STANDARD", currency: (currency ?? "USD").toUpperCase(), include: { includeFree, includeRouters } }) as Price | null;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether it is a router's meta-model, forwarding each request to a model of its choosing (`auto`, `openrouter/auto`, `switchpoint/router`, Azure's `model-router`): its id or name says so, or every offering of it is a router's.",
  })
  router(@Root() model: Model, @Ctx() { snapshot }: GraphQLContext): boolean {
    return snapshot.isRouterModel(model.id);
  }

  @ListSize(32)
  @FieldResolver(() => [CapabilityFlag], { description: "Its capability flags, reconciled from every source; a capability no source mentions is absent." })
  capabilities(@Root() model: Model, @Ctx() { snapshot }: GraphQLContext): CapabilityFlag[] {
    return toCapabilityFlags(snapshot.capabilitiesOfModel(model.id));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether it has a capability (key as in `capabilities`, e.g. "tool_calls"): true, false, or null when no source says.' })
  supports(@Root() model: Model, @Arg("key", { description: 'A capability key, e.g. "tool_calls", "structured_outputs", "vision".' }) key: string, @Ctx() { snapshot }: GraphQLContext): boolean | null {
    return supports(snapshot.capabilitiesOfModel(model.id), key);
  }

  @ListSize(60)
  @FieldResolver(() => [FieldProvenance], { description: "Where its values came from: per field, every source's value, the one chosen and why." })
  async provenance(
    @Root() model: Model,
    @Ctx() { loaders }: GraphQLContext,
    @Arg("field", () => String, { nullable: true, description: 'One field ("contextWindow", "capability.tool_calls"); all when not given.' }) field?: string | null,
  ): Promise<FieldProvenance[]> {
    return pickProvenance(await loaders.provenance.load(entityKey("MODEL", model.id)), field);
  }

  @ListSize(60)
  @FieldResolver(() => [FieldProvenance], { description: "The fields on which its sources disagree." })
  async conflicts(@Root() model: Model, @Ctx() { loaders }: GraphQLContext): Promise<FieldProvenance[]> {
    return pickProvenance(await loaders.provenance.load(entityKey("MODEL", model.id)), null, true);
  }
}
