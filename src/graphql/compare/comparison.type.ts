import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Model } from "../model/model.type";
import { ListSize } from "../limits/listSize";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

export enum ComparisonGroup {
  facts = "facts",
  limits = "limits",
  prices = "prices",
  capabilities = "capabilities",
  modalities = "modalities",
  dates = "dates",
}
registerEnumType(ComparisonGroup, { name: "ComparisonGroup", description: "The section of a comparison table a row belongs to." });

export enum Better {
  HIGHER = "HIGHER",
  LOWER = "LOWER",
  LATER = "LATER",
  NONE = "NONE",
}
registerEnumType(Better, { name: "Better", description: "Which values of a row are better: higher (limits, a capability present), lower (prices), later (dates), or none." });

@CacheHint(CACHE_HINTS.price)
@ObjectType({ description: "One model's value in a comparison row." })
export class ComparisonCell {
  @Field(() => ID, { description: "The model this cell is about." })
  modelId!: string;

  @Field(() => String, { nullable: true, description: 'The value as text ("1047576", "0.4", "yes", "2024-04"); null when unknown — never 0 or "no" for a missing fact.' })
  value!: string | null;

  @Field({ description: "Whether the value is known." })
  known!: boolean;

  @Field({ description: "Whether this is (one of) the best values of the row; only when at least two known values differ." })
  best!: boolean;

  @Field(() => ID, { nullable: true, description: "For prices: the provider of the cheapest offering." })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: "For prices: the cheapest offering." })
  offeringId?: string | null;
}

@CacheHint(CACHE_HINTS.price)
@ObjectType({ description: "One attribute compared across the models: a row of the table." })
export class ComparisonRow {
  @Field({ description: 'A stable key ("contextWindow", "price.INPUT", "capability.tool_calls").' })
  key!: string;

  @Field({ description: "A label to show." })
  label!: string;

  @Field(() => ComparisonGroup, { description: "The table section." })
  group!: ComparisonGroup;

  @Field(() => String, { nullable: true, description: 'The unit of the values ("tokens", "USD per 1M tokens").' })
  unit!: string | null;

  @Field(() => Better, { description: "Which values count as better." })
  better!: Better;

  @Field({ description: "Whether the models' values differ (or some are unknown)." })
  differs!: boolean;

  @ListSize(10)
  @Field(() => [ComparisonCell], { description: "One cell per model, in the order of `models`." })
  cells!: ComparisonCell[];
}

@CacheHint(CACHE_HINTS.price)
@ObjectType({ description: "A side-by-side comparison a frontend can render as a table." })
export class ModelComparison {
  @ListSize(10)
  @Field(() => [Model], { description: "The models compared, in the order asked (each once)." })
  models!: Model[];

  @ListSize(100)
  @Field(() => [ComparisonRow], { description: "The attributes compared, grouped: facts, limits, prices, capabilities, modalities, dates." })
  rows!: ComparisonRow[];
}
