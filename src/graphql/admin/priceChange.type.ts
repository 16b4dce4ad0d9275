import { Field, ObjectType } from "type-graphql";
import { Price } from "../offering/price.type";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.never)
@ObjectType({ description: "A committed price change." })
export class PriceChange {
  @Field(() => Price, { description: "The new price, now in force." })
  price!: Price;

  @Field(() => Price, { nullable: true, description: "The price it replaced (now closed); null for a new price." })
  previous!: Price | null;

  @Field({ description: 'The offering, e.g. "openai:gpt-4.1-mini".' })
  offeringId!: string;

  @Field({ description: "The offering's provider." })
  providerId!: string;

  @Field({ description: "The offering's model." })
  modelId!: string;

  /** Resolved by PriceMutationsResolver.actorName: key names are for admins only. */
  actorName!: string;
}
