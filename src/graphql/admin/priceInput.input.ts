import { Field, ID, InputType, Int } from "type-graphql";
import { DecimalScalar } from "../scalars/decimal.scalar";
import { PriceKind, PriceMode, PriceUnit } from "../common/enums";

@InputType({ description: "A new price for one slot (kind, unit, mode, tier) of an offering." })
export class PriceInput {
  @Field(() => ID, { description: 'The offering, e.g. "openai:gpt-4.1-mini".' })
  offeringId!: string;

  @Field(() => PriceKind, { description: "What is charged for." })
  kind!: PriceKind;

  @Field(() => PriceUnit, { nullable: true, description: "Per 1M tokens for token kinds by default; per request or per image for the others." })
  unit?: PriceUnit | null;

  @Field(() => PriceMode, { nullable: true, description: "STANDARD by default." })
  mode?: PriceMode | null;

  @Field(() => Int, { nullable: true, description: "The tier: prompts above this many tokens; 0 (default) for the base tier." })
  contextAbove?: number | null;

  @Field(() => DecimalScalar, { description: 'The amount, a non-negative decimal with at most 12 places, e.g. "0.40".' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "USD".' })
  currency!: string;

  @Field(() => Date, { nullable: true, description: "When it takes effect: now by default; not in the future, and after the current price's start." })
  effectiveFrom?: Date | null;

  @Field(() => String, { nullable: true, description: "Why, for the history and the audit log." })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: "The version of the current price you read (0 if there was none): if it has changed since, the update is refused with CONFLICT." })
  expectedVersion?: number | null;
}
