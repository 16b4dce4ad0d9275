import { Field, ID, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../scalars/decimal.scalar";
import { PriceKind, PriceMode, PriceUnit } from "../common/enums";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.price)
@ObjectType({ description: "One price of an offering, in force from validFrom until validTo. A change closes the row and opens a new one, so history is kept." })
export class Price {
  @Field(() => ID, { description: "The price row's id." })
  id!: string;

  @Field(() => PriceKind, { description: "What is charged for." })
  kind!: PriceKind;

  @Field(() => PriceUnit, { description: "What quantity `amount` is for." })
  unit!: PriceUnit;

  @Field(() => PriceMode, { description: "The service tier it applies to." })
  mode!: PriceMode;

  @Field(() => Int, { description: "The tier: the price applies to requests whose prompt is longer than this many tokens (0 = the base tier). The highest tier below a request's prompt size applies to the whole request." })
  contextAbove!: number;

  @Field(() => DecimalScalar, { description: 'The exact amount, e.g. "0.4".' })
  amount!: string;

  @Field({ description: "ISO 4217 currency code." })
  currency!: string;

  @Field({ description: "In force from." })
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: "In force until (exclusive); null while current." })
  validTo!: Date | null;

  @Field(() => String, { nullable: true, description: "Why it changed, for an admin's change." })
  reason!: string | null;

  @Field(() => Int, { description: "For optimistic concurrency." })
  version!: number;

  sourceId!: string | null;
  offeringId!: string;
}
