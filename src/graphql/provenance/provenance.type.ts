import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { EntityType } from "../common/enums";
import { ListSize } from "../limits/listSize";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "One source's value for a field." })
export class FactCandidate {
  @Field(() => ID, { description: "The fact's id: what resolveConflict(factId:) takes to choose this value." })
  factId!: string;

  @Field(() => GraphQLJSON, { description: "The value as the catalog normalized it (1047576, \"2024-04\", [\"text\",\"image\"], {amount, currency})." })
  value!: unknown;

  @Field(() => String, { nullable: true, description: 'The text as the source wrote it, when it differs ("1.0M tokens").' })
  rawValue!: string | null;

  @Field(() => String, { nullable: true, description: '"rounded" for a rounded display, "year"/"month"/"day" for dates; null when exact.' })
  precision!: string | null;

  @Field(() => Int, { nullable: true, description: "For a rounded count, the unit of its last digit (1.0M → 100000)." })
  step!: number | null;

  @Field({ description: 'Where in the source: "L29" (a line), "limit.context" (a TOML key), "data[260].context_length" (JSON).' })
  locator!: string;

  @Field({ description: "This is the value the catalog shows." })
  chosen!: boolean;

  @Field({ description: "It says the same as the chosen value (possibly less exactly); false means a conflict." })
  agrees!: boolean;

  sourceId!: string;
}

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "Where a field's value came from: every source's candidate, the value chosen, and the rule that chose it." })
export class FieldProvenance {
  @Field(() => EntityType, { description: "The kind of record." })
  entityType!: EntityType;

  @Field({ description: "The record's id." })
  entityId!: string;

  @Field({ description: 'The field: "contextWindow", "capability.tool_calls", "price.INPUT.PER_1M_TOKENS.STANDARD.0".' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: "The chosen value." })
  value!: unknown;

  @Field({ description: "Why this value: the precedence rule that decided (or the admin override), in words." })
  rule!: string;

  @Field({ description: "Whether some source states a value that does not agree with the chosen one." })
  hasConflict!: boolean;

  @Field(() => [String], {
    description:
      'For a value no document states for the record itself, the records it was derived from: a model\'s limit taken from its offerings ("aihubmix:doubao-seed-2-0-mini-260428"), whose documents\' values are then among the candidates. Empty for a value a document or an admin states.',
  })
  derivedFrom!: string[];

  @Field({ description: "When the value was last decided." })
  decidedAt!: Date;

  @ListSize(10)
  @Field(() => [FactCandidate], { description: "Every source's value, chosen or not; for a derived value, the values of the records it was derived from." })
  candidates!: FactCandidate[];
}
