import { Field, InputType } from "type-graphql";
import { CountScalar } from "../scalars/count.scalar";
import { PriceMode } from "../common/enums";

@InputType({ description: "A workload to price: token and request counts over some period (all default to 0, requests to 1)." })
export class WorkloadInput {
  @Field(() => CountScalar, { nullable: true, description: "Prompt tokens not read from a cache, over all requests." })
  inputTokens?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Completion tokens (without reasoning tokens given apart)." })
  outputTokens?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Prompt tokens read from the prompt cache (billed at the input price where no cached price exists)." })
  cachedInputTokens?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Prompt tokens written to the cache." })
  cacheWriteTokens?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Reasoning tokens (billed as output where no reasoning price exists)." })
  reasoningTokens?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Audio input tokens." })
  inputAudioTokens?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Audio output tokens." })
  outputAudioTokens?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Images sent (priced per image)." })
  inputImages?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Images generated (priced per image)." })
  outputImages?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "Web searches the model runs." })
  webSearches?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "How many requests (default 1): per-request fees, and the average prompt size that picks a long-context tier." })
  requests?: number | null;

  @Field(() => CountScalar, { nullable: true, description: "The prompt size of one request, to pick the long-context tier (default: the average over requests)." })
  promptTokensPerRequest?: number | null;

  @Field(() => PriceMode, { nullable: true, description: "STANDARD by default; BATCH, PRIORITY, FLEX or FAST use that mode's prices, and offerings without them are left out." })
  mode?: PriceMode | null;
}
