import { Field, ID, Int, ObjectType } from "type-graphql";
import { LifecycleStatus } from "../common/enums";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "One provider serving one model: the provider's id for it, its limits and its prices." })
export class Offering {
  @Field(() => ID, { description: 'The provider id and the provider\'s model id, e.g. "openai:gpt-4.1-mini", "openrouter:openai/gpt-4.1-mini".' })
  id!: string;

  @Field({ description: "The id the provider's API takes for this model." })
  providerModelId!: string;

  @Field(() => String, { nullable: true, description: "The provider's display name for it, where it has one." })
  name!: string | null;

  @Field(() => Int, { nullable: true, description: "This provider's context window, where a source states it (null: see the model's)." })
  contextWindow!: number | null;

  @Field(() => Int, { nullable: true, description: "This provider's largest prompt." })
  maxInputTokens!: number | null;

  @Field(() => Int, { nullable: true, description: "This provider's largest completion." })
  maxOutputTokens!: number | null;

  @Field(() => [Int], { description: "Prompt sizes (tokens) past which this provider bills at other prices, as its documents state (Foundry: [128000]). The prices of each tier are on `prices` (contextAbove)." })
  billingTierThresholds!: number[];

  @Field(() => [String], {
    nullable: true,
    description: "What this provider's endpoint accepts, where its documents say something else than the model's inputModalities (a reseller taking text only); null: as the model.",
  })
  inputModalities!: string[] | null;

  @Field(() => [String], { nullable: true, description: "What this provider's endpoint returns, where it differs from the model's outputModalities; null: as the model." })
  outputModalities!: string[] | null;

  @Field(() => [String], { description: 'Deployment types, e.g. "global", "provisioned"; empty when unknown.' })
  deploymentTypes!: string[];

  @Field(() => [String], { description: "Regions; empty when unknown." })
  regions!: string[];

  @Field(() => LifecycleStatus, { description: "Lifecycle status at this provider." })
  status!: LifecycleStatus;

  @Field(() => String, { nullable: true, description: "When this provider deprecates it (ISO day)." })
  deprecationDate!: string | null;

  @Field(() => String, { nullable: true, description: "When this provider retires it (ISO day)." })
  retirementDate!: string | null;

  @Field(() => Int, { description: "Goes up by one on every change, for optimistic concurrency." })
  version!: number;

  providerId!: string;
  modelId!: string;
}
