import { Field, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../scalars/decimal.scalar";
import { PriceKind, PriceUnit } from "../common/enums";
import { Model } from "../model/model.type";
import { Offering } from "../offering/offering.type";
import { Price } from "../offering/price.type";
import { ListSize } from "../limits/listSize";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.price)
@ObjectType({ description: "One line of an estimate: a quantity times a price." })
export class CostLine {
  @Field(() => PriceKind, { description: "The kind of price used." })
  kind!: PriceKind;

  @Field(() => DecimalScalar, { description: "Tokens, images, searches or requests." })
  quantity!: string;

  @Field(() => PriceUnit, { description: "The unit of the price used." })
  unit!: PriceUnit;

  @Field(() => Price, { description: "The price row used, to check the arithmetic." })
  price!: Price;

  @Field(() => DecimalScalar, { description: "quantity × amount (÷ 1,000,000 for per-1M-token prices), exact." })
  amount!: string;

  @Field(() => String, { nullable: true, description: "How a price was chosen when the exact one was missing." })
  note?: string | null;
}

@CacheHint(CACHE_HINTS.price)
@ObjectType({ description: "What a workload costs on one offering." })
export class CostEstimate {
  @Field(() => Offering, { description: "The offering priced." })
  offering!: Offering;

  @Field(() => Model, { description: "The model it serves." })
  model!: Model;

  @Field(() => DecimalScalar, { description: "The sum of the lines, exact and unrounded." })
  total!: string;

  @Field({ description: "ISO 4217 currency of the total." })
  currency!: string;

  @Field(() => Int, { description: "The tier used: prompts above this many tokens (0 = base tier)." })
  tierAbove!: number;

  @ListSize(12)
  @Field(() => [CostLine], { description: "The arithmetic: one line per priced part of the workload." })
  lines!: CostLine[];

  @Field(() => [PriceKind], { description: "Parts of the workload this offering has no price for: the total leaves them out." })
  missing!: PriceKind[];

  @Field({ description: "Whether every part of the workload was priced." })
  complete!: boolean;
}

@CacheHint(CACHE_HINTS.price)
@ObjectType({ description: "A workload priced across offerings, cheapest first (complete estimates before incomplete ones)." })
export class CostEstimates {
  @Field(() => [CostEstimate], { description: "Cheapest first." })
  estimates!: CostEstimate[];

  @Field(() => Int, { description: "How many offerings could price the workload, before `first` cut the list." })
  totalCount!: number;
}
