import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { PartyCatalogService } from "../../catalog/parties/partyCatalog.service";
import type { GraphQLContext } from "../context";
import { PageArgs } from "../common/pageArgs.args";
import { Author } from "./author.type";
import { AuthorConnection } from "./party.connections";

@Resolver(() => Author)
export class AuthorResolver {
  constructor(private readonly parties: PartyCatalogService) {}

  @Query(() => Author, { nullable: true, description: 'An author by id ("openai", "meta"; other catalogs\' ids such as "meta-llama" work too); null if none.' })
  async author(@Arg("id", () => ID, { description: "The author id." }) id: string, @Ctx() { loaders }: GraphQLContext): Promise<Author | null> {
    return ((await loaders.author.load(id)) as Author | undefined) ?? null;
  }

  @Query(() => AuthorConnection, { description: "Authors by name, a page at a time." })
  async authors(@Args() page: PageArgs): Promise<AuthorConnection> {
    return (await this.parties.listAuthors(page)) as unknown as AuthorConnection;
  }

  @FieldResolver(() => Int, { description: "How many of the catalog's models it made (list them with models(filter: {authorIds: [id]}))." })
  async modelCount(@Root() author: Author, @Ctx() { loaders }: GraphQLContext): Promise<number> {
    return loaders.modelCountOfAuthor.load(author.id);
  }
}
