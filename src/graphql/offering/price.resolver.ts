import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context";
import { Source } from "../source/source.type";
import { Price } from "./price.type";

@Resolver(() => Price)
export class PriceResolver {
  @FieldResolver(() => Source, { nullable: true, description: "The document this price was taken from; null for an admin's price." })
  async source(@Root() price: Price, @Ctx() { loaders }: GraphQLContext): Promise<Source | null> {
    return price.sourceId ? (((await loaders.source.load(price.sourceId)) as Source | undefined) ?? null) : null;
  }
}
