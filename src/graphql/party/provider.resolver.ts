import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { PartyCatalogService } from "../../catalog/parties/partyCatalog.service";
import type { GraphQLContext } from "../context";
import { PageArgs } from "../common/pageArgs.args";
import { Offering } from "../offering/offering.type";
import { FieldProvenance } from "../provenance/provenance.type";
import { entityKey } from "../provenance/entityKey";
import { pickProvenance } from "../provenance/fieldProvenance";
import { ProviderConnection } from "./party.connections";
import { Provider } from "./provider.type";
import { ProviderFilter } from "./providerFilter.input";
import { ListSize } from "../limits/listSize";

@ArgsType()
class ProvidersArgs extends PageArgs {
  @Field(() => ProviderFilter, { nullable: true, description: "Which providers; all when not given." })
  filter?: ProviderFilter | null;
}

@Resolver(() => Provider)
export class ProviderResolver {
  constructor(private readonly parties: PartyCatalogService) {}

  @Query(() => Provider, { nullable: true, description: 'A provider by id ("openai", "azure", "openrouter"); null if none.' })
  provider(@Arg("id", () => ID, { description: "The provider id (other catalogs' ids work too)." }) id: string, @Ctx() { snapshot }: GraphQLContext): Provider | null {
    return (snapshot.provider(id) as Provider | undefined) ?? null;
  }

  @Query(() => ProviderConnection, { description: "Providers by name, a page at a time." })
  providers(@Args() { filter, ...page }: ProvidersArgs, @Ctx() { snapshot }: GraphQLContext): ProviderConnection {
    return this.parties.listProviders(snapshot, filter, page) as unknown as ProviderConnection;
  }

  @ListSize(600)
  @FieldResolver(() => [Offering], { description: "The models it serves." })
  offerings(@Root() provider: Provider, @Ctx() { snapshot }: GraphQLContext): readonly Offering[] {
    return snapshot.offeringsOfProvider(provider.id) as readonly Offering[];
  }

  @ListSize(30)
  @FieldResolver(() => [FieldProvenance], { description: "Where its values came from." })
  async provenance(
    @Root() provider: Provider,
    @Ctx() { loaders }: GraphQLContext,
    @Arg("field", () => String, { nullable: true, description: "One field; all when not given." }) field?: string | null,
  ): Promise<FieldProvenance[]> {
    return pickProvenance(await loaders.provenance.load(entityKey("PROVIDER", provider.id)), field);
  }
}
