import { Field, ID, Int, ObjectType } from "type-graphql";
import { ProviderKind } from "../common/enums";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "Who serves models through an API: a model's maker, a cloud, an aggregator or a host." })
export class Provider {
  @Field(() => ID, { description: 'e.g. "openai", "azure" (Microsoft Foundry), "openrouter".' })
  id!: string;

  @Field({ description: "Display name." })
  name!: string;

  @Field(() => ProviderKind, { description: "What kind of provider it is." })
  kind!: ProviderKind;

  @Field(() => String, { nullable: true, description: "Documentation of its models." })
  docsUrl!: string | null;

  @Field(() => String, { nullable: true, description: "Base URL of its API." })
  apiUrl!: string | null;

  @Field(() => [String], { description: "Environment variables SDKs read its API key from." })
  apiKeyEnvVars!: string[];

  @Field(() => String, { nullable: true, description: "The AI SDK package for it." })
  sdkPackage!: string | null;

  @Field(() => String, { nullable: true, description: "Its service status page." })
  statusPageUrl!: string | null;

  @Field(() => String, { nullable: true, description: "Its privacy policy." })
  privacyPolicyUrl!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether it may train on prompts; null when no source says." })
  trainsOnData!: boolean | null;

  @Field(() => Int, { nullable: true, description: "How many days prompts are kept; 0 for none; null when no source says." })
  dataRetentionDays!: number | null;

  @Field(() => String, { nullable: true, description: "Where it is based." })
  headquarters!: string | null;

  @Field(() => Int, { description: "For optimistic concurrency." })
  version!: number;
}
