import { Args, ArgsType, Ctx, Field, InputType, Query, Resolver } from "type-graphql";
import type { SourceCatalogService } from "../../catalog/sources/sourceCatalog.service";
import type { GraphQLContext } from "../context";
import { Connection } from "../common/connection";
import { PageArgs } from "../common/pageArgs.args";
import { SourceFormat } from "../common/enums";
import { Source } from "./source.type";

export const SourceConnection = Connection(Source, "Source");
export type SourceConnection = InstanceType<typeof SourceConnection>;

@InputType({ description: "Conditions on sources." })
class SourceFilter {
  @Field(() => [SourceFormat], { nullable: true, description: "Of one of these formats." })
  formats?: SourceFormat[] | null;

  @Field(() => String, { nullable: true, description: "Words in the URI." })
  search?: string | null;
}

@ArgsType()
class SourcesArgs extends PageArgs {
  @Field(() => SourceFilter, { nullable: true, description: "Which sources; all when not given." })
  filter?: SourceFilter | null;
}

@Resolver(() => Source)
export class SourceResolver {
  constructor(private readonly sourceCatalog: SourceCatalogService) {}

  @Query(() => SourceConnection, { description: "The imported documents, by URI, a page at a time." })
  sources(@Args() { filter, ...page }: SourcesArgs, @Ctx() { snapshot }: GraphQLContext): SourceConnection {
    return this.sourceCatalog.listSources(snapshot, filter, page) as unknown as SourceConnection;
  }
}
