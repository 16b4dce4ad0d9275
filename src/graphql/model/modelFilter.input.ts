import { Field, ID, InputType, Int } from "type-graphql";
import { DecimalScalar } from "../scalars/decimal.scalar";
import { LifecycleStatus, PriceKind, PriceMode, PriceUnit } from "../common/enums";

@InputType({ description: "A price ceiling: some offering prices this kind at or below the amount." })
export class MaxPriceInput {
  @Field(() => PriceKind, { description: "The kind of price, e.g. INPUT." })
  kind!: PriceKind;

  @Field(() => DecimalScalar, { description: 'The most it may cost, e.g. "1" (USD per 1M tokens for token kinds).' })
  amount!: string;

  @Field(() => PriceUnit, { nullable: true, description: "The unit; by default per 1M tokens for token kinds, per request or per image for the others." })
  unit?: PriceUnit | null;

  @Field(() => PriceMode, { nullable: true, description: "The mode; STANDARD by default." })
  mode?: PriceMode | null;

  @Field(() => String, { nullable: true, description: "ISO 4217 currency; USD by default." })
  currency?: string | null;
}

@InputType({ description: "Conditions on models; all given must hold." })
export class ModelFilter {
  @Field(() => String, { nullable: true, description: "Words found in the id, an alias or the name, whatever their case, hyphens, dots or spaces (\"llama 3.1 70b\" finds Meta-Llama-3.1-70B-Instruct), or in the description. Without orderBy, the best matches come first." })
  search?: string | null;

  @Field(() => [ID], { nullable: true, description: "Only these models (ids or aliases)." })
  ids?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Made by one of these authors (e.g. "openai").' })
  authorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Served by one of these providers (e.g. "azure", "openrouter").' })
  providerIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Of one of these families (e.g. "gpt-mini").' })
  families?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Has every one of these capabilities (keys of `capabilities`, e.g. "tool_calls", "structured_outputs").' })
  capabilities?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Accepts every one of these input modalities (e.g. "image").' })
  inputModalities?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Produces every one of these output modalities." })
  outputModalities?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Context window of at least this many tokens." })
  minContextWindow?: number | null;

  @Field(() => Int, { nullable: true, description: "Max output of at least this many tokens." })
  minMaxOutputTokens?: number | null;

  @Field(() => MaxPriceInput, { nullable: true, description: "Some offering (of providerIds, when given) prices this kind at or below an amount (base tier)." })
  maxPrice?: MaxPriceInput | null;

  @Field(() => Boolean, { nullable: true, description: "Open weights (true) or not (false)." })
  openWeights?: boolean | null;

  @Field(() => String, { nullable: true, description: "Released on or after this ISO day." })
  releasedAfter?: string | null;

  @Field(() => String, { nullable: true, description: "Released on or before this ISO day." })
  releasedBefore?: string | null;

  @Field(() => [LifecycleStatus], { nullable: true, description: "In one of these lifecycle states." })
  statuses?: LifecycleStatus[] | null;
}
