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
  author(@Arg("id", () => ID, { description: "The author id." }) id: string, @Ctx() { snapshot }: GraphQLContext): Author | null {
    return (snapshot.author(id) as Author | undefined) ?? null;
  }

  @Query(() => AuthorConnection, { description: "Authors by name, a page at a time." })
  authors(@Args() page: PageArgs, @Ctx() { snapshot }: GraphQLContext): AuthorConnection {
    return this.parties.listAuthors(snapshot, page) as unknown as AuthorConnection;
  }

  @FieldResolver(() => Int, { description: "How many of the catalog's models it made (list them with models(filter: {authorIds: [id]}))." })
  modelCount(@Root() author: Author, @Ctx() { snapshot }: GraphQLContext): number {
    return snapshot.modelsOfAuthor(author.id).size;
  }
}
