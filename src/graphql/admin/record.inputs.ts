import { Field, ID, InputType, Int } from "type-graphql";
import { CapabilityLevel, LifecycleStatus, ProviderKind } from "../common/enums";

// Inputs of the record mutations. A field left out is not touched; a field set to null hands it back to
// the documents (the admin's override is removed); any other value overrides every document.

@InputType({ description: "A model to create (id and name required) or edit." })
export class ModelInput {
  @Field(() => ID, { description: "The model's catalog id (or an alias, to edit)." })
  id!: string;
  @Field(() => String, { nullable: true, description: "Display name (required to create)." })
  name?: string | null;
  @Field(() => ID, { nullable: true, description: "Its author." })
  authorId?: string | null;
  @Field(() => String, { nullable: true, description: "Its family." })
  family?: string | null;
  @Field(() => String, { nullable: true, description: "A description." })
  description?: string | null;
  @Field(() => String, { nullable: true, description: "Release date, ISO (2025-04-14 or 2025-04)." })
  releaseDate?: string | null;
  @Field(() => String, { nullable: true, description: "Training-data cutoff, ISO (2024-04-01 or 2024-04)." })
  knowledgeCutoff?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Whether the weights are published." })
  openWeights?: boolean | null;
  @Field(() => String, { nullable: true, description: "Licence." })
  license?: string | null;
  @Field(() => [String], { nullable: true, description: "Input modalities, lower-case." })
  inputModalities?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Output modalities, lower-case." })
  outputModalities?: string[] | null;
  @Field(() => Int, { nullable: true, description: "Context window in tokens." })
  contextWindow?: number | null;
  @Field(() => Int, { nullable: true, description: "Largest prompt in tokens." })
  maxInputTokens?: number | null;
  @Field(() => Int, { nullable: true, description: "Largest completion in tokens." })
  maxOutputTokens?: number | null;
  @Field(() => LifecycleStatus, { nullable: true, description: "Lifecycle status (retireModel is the way to retire)." })
  status?: LifecycleStatus | null;
  @Field(() => String, { nullable: true, description: "Deprecation date, ISO." })
  deprecationDate?: string | null;
}

@InputType({ description: "A provider to create (id and name required) or edit." })
export class ProviderInput {
  @Field(() => ID, { description: "The provider's id." })
  id!: string;
  @Field(() => String, { nullable: true, description: "Display name (required to create)." })
  name?: string | null;
  @Field(() => ProviderKind, { nullable: true, description: "What kind of provider it is." })
  kind?: ProviderKind | null;
  @Field(() => String, { nullable: true, description: "Documentation URL." })
  docsUrl?: string | null;
  @Field(() => String, { nullable: true, description: "API base URL." })
  apiUrl?: string | null;
  @Field(() => [String], { nullable: true, description: "Environment variables SDKs read its key from." })
  apiKeyEnvVars?: string[] | null;
  @Field(() => String, { nullable: true, description: "Status page URL." })
  statusPageUrl?: string | null;
  @Field(() => String, { nullable: true, description: "Privacy policy URL." })
  privacyPolicyUrl?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Whether it may train on prompts." })
  trainsOnData?: boolean | null;
  @Field(() => Int, { nullable: true, description: "Days prompts are kept." })
  dataRetentionDays?: number | null;
}

@InputType({ description: "A provider's offering of a model to create (modelId required) or edit." })
export class OfferingInput {
  @Field(() => ID, { description: "The provider." })
  providerId!: string;
  @Field({ description: "The provider's own id for the model." })
  providerModelId!: string;
  @Field(() => ID, { nullable: true, description: "The model served (required to create)." })
  modelId?: string | null;
  @Field(() => String, { nullable: true, description: "The provider's display name for it." })
  name?: string | null;
  @Field(() => Int, { nullable: true, description: "This provider's context window." })
  contextWindow?: number | null;
  @Field(() => Int, { nullable: true, description: "This provider's largest prompt." })
  maxInputTokens?: number | null;
  @Field(() => Int, { nullable: true, description: "This provider's largest completion." })
  maxOutputTokens?: number | null;
  @Field(() => [Int], { nullable: true, description: "Prompt sizes past which it bills at other prices." })
  billingTierThresholds?: number[] | null;
  @Field(() => LifecycleStatus, { nullable: true, description: "Lifecycle status at this provider." })
  status?: LifecycleStatus | null;
}

@InputType({ description: "A capability of a model or of an offering." })
export class CapabilityInput {
  @Field(() => ID, { nullable: true, description: "The model (give this or offeringId)." })
  modelId?: string | null;
  @Field(() => ID, { nullable: true, description: "The offering (give this or modelId)." })
  offeringId?: string | null;
  @Field({ description: 'The capability key, e.g. "tool_calls".' })
  key!: string;
  @Field(() => CapabilityLevel, { nullable: true, description: "The level; null hands the flag back to the documents." })
  level?: CapabilityLevel | null;
}
