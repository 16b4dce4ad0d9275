import { Field, ID, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../scalars/decimal.scalar";
import { DatePrecision, LifecycleStatus } from "../common/enums";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "An AI model, provider-independent: its maker, limits, dates and capabilities, reconciled from every source document." })
export class Model {
  @Field(() => ID, { description: 'The catalog id, e.g. "gpt-4.1-mini". `model(id:)` also accepts aliases such as "openai/gpt-4.1-mini".' })
  id!: string;

  @Field({ description: "Display name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The model family (e.g. gpt-mini); null when no source says." })
  family!: string | null;

  @Field(() => String, { nullable: true, description: "A description from the sources; null when none." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "The dated snapshot this definition describes, if any." })
  snapshot!: string | null;

  @Field(() => String, { nullable: true, description: 'Release date as an ISO day ("2025-04-14"); see releaseDatePrecision. Null when unknown.' })
  releaseDate!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How exact releaseDate is: a MONTH date is shown as the month's first day." })
  releaseDatePrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true, description: "When the sources last saw the model updated (ISO day)." })
  lastUpdated!: string | null;

  @Field(() => String, { nullable: true, description: "Training-data cutoff (ISO day); see knowledgeCutoffPrecision. Null when unknown." })
  knowledgeCutoff!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How exact knowledgeCutoff is." })
  knowledgeCutoffPrecision!: DatePrecision | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the weights are published; null when unknown." })
  openWeights!: boolean | null;

  @Field(() => String, { nullable: true, description: "Licence, as the sources name it." })
  license!: string | null;

  @Field(() => [String], { description: "Languages the sources list; empty when none list them (see languageCount)." })
  languages!: string[];

  @Field(() => Int, { nullable: true, description: 'How many languages, where a source gives only a count ("27 Languages").' })
  languageCount!: number | null;

  @Field(() => [String], { description: 'Input modalities, lower-case ("text", "image", "pdf", "audio"...). Empty when unknown.' })
  inputModalities!: string[];

  @Field(() => [String], { description: "Output modalities, lower-case. Empty when unknown." })
  outputModalities!: string[];

  @Field(() => Int, { nullable: true, description: "Context window in tokens (input and output together); null when unknown." })
  contextWindow!: number | null;

  @Field(() => Int, { nullable: true, description: "Largest prompt in tokens, where it differs from the context window." })
  maxInputTokens!: number | null;

  @Field(() => Int, { nullable: true, description: "Largest completion in tokens." })
  maxOutputTokens!: number | null;

  @Field(() => LifecycleStatus, { description: "Lifecycle status; ACTIVE unless a source or admin says otherwise." })
  status!: LifecycleStatus;

  @Field(() => String, { nullable: true, description: "When the model is or was deprecated (ISO day)." })
  deprecationDate!: string | null;

  @Field(() => String, { nullable: true, description: "When the model is or was retired (ISO day)." })
  retirementDate!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Microsoft Foundry's quality index, where a card gives it." })
  qualityIndex!: string | null;

  @Field(() => String, { nullable: true, description: "The Hugging Face repository of the weights." })
  huggingFaceId!: string | null;

  @Field(() => String, { nullable: true, description: "The tokenizer family." })
  tokenizer!: string | null;

  @Field(() => Int, { description: "Goes up by one on every change; pass it back to admin mutations to detect concurrent edits." })
  version!: number;

  @Field({ description: "When the record last changed." })
  updatedAt!: Date;

  authorId!: string | null;
}
