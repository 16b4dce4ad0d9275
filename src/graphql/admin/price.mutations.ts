import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from "type-graphql";
import type { PriceChangedEvent } from "../../catalog/admin/priceChangeFeed";
import type { PriceWriteService } from "../../catalog/admin/priceWrites.service";
import { canonicalProviderId } from "../../catalog/identity/partyIdentity";
import { readOwnWrite, type GraphQLContext } from "../context";
import { Price } from "../offering/price.type";
import { actorOf } from "./actor";
import { PriceChange } from "./priceChange.type";
import { PriceInput } from "./priceInput.input";

@ArgsType()
class PriceChangedArgs {
  @Field(() => ID, { nullable: true, description: "Only this provider's offerings." })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this model's offerings (its catalog id)." })
  modelId?: string | null;
}

@Resolver(() => PriceChange)
export class PriceMutationsResolver {
  constructor(private readonly prices: PriceWriteService) {}

  @Authorized("EDITOR")
  @Mutation(() => Price, { description: "Sets one price of an offering: the current row is closed and a new one opened (see priceHistory). Needs an EDITOR or ADMIN key." })
  async updatePrice(@Arg("input", () => PriceInput, { description: "The new price." }) input: PriceInput, @Ctx() context: GraphQLContext): Promise<Price> {
    const price = await this.prices.updatePrice(input, actorOf(context));
    readOwnWrite(context);
    return price as Price;
  }

  @Authorized("EDITOR")
  @Mutation(() => [Price], { description: "Sets many prices at once, all or nothing: one bad input (named inputs[i].field) changes nothing. Needs an EDITOR or ADMIN key." })
  async bulkUpdatePrices(@Arg("inputs", () => [PriceInput], { description: "The new prices, at most 500." }) inputs: PriceInput[], @Ctx() context: GraphQLContext): Promise<Price[]> {
    const prices = await this.prices.bulkUpdatePrices(inputs, actorOf(context));
    readOwnWrite(context);
    return prices as Price[];
  }

  @Subscription(() => PriceChange, {
    description: "Committed price changes, as they happen (graphql-ws on /graphql), optionally of one provider or model. Rolled-back writes are never sent.",
    subscribe: ({ args, context }) => {
      const providerId = args.providerId ? canonicalProviderId(String(args.providerId)) : null;
      const modelId = args.modelId ? String(args.modelId).trim().toLowerCase() : null;
      return (context as GraphQLContext).priceChanges.subscribe((event) => (!providerId || event.providerId === providerId) && (!modelId || event.modelId === modelId));
    },
  })
  priceChanged(@Root() event: PriceChangedEvent, @Args() _filter: PriceChangedArgs): PriceChange {
    return event as unknown as PriceChange;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The API key name that made the change (\"import\" for a loaded document); null unless you subscribed with an ADMIN key, since key names are admin-only, as in auditLog.",
  })
  actorName(@Root() event: PriceChangedEvent, @Ctx() { viewer }: GraphQLContext): string | null {
    return viewer?.role === "ADMIN" ? event.actorName : null;
  }
}
