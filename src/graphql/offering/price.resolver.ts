import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context";
import { Source } from "../source/source.type";
import { Price } from "./price.type";

@Resolver(() => Price)
export class PriceResolver {
  @FieldResolver(() => Source, { nullable: true, description: "The document this price was taken from; null for an admin's price." })
  source(@Root() price: Price, @Ctx() { snapshot, readModel }: GraphQLContext): Source | null {
    if (!price.sourceId) return null;
    // A subscription's events outlive the snapshot its operation started with; a new document is in the current one.
    return ((snapshot.source(price.sourceId) ?? readModel.current.source(price.sourceId)) as Source | undefined) ?? null;
  }
}
