import { Field, ID, Int, ObjectType } from "type-graphql";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "Who made models (OpenAI, Meta, ...)." })
export class Author {
  @Field(() => ID, { description: 'e.g. "openai", "meta".' })
  id!: string;

  @Field({ description: "Display name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Its website." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "Who it is, as a source describes it." })
  description!: string | null;

  @Field(() => Int, { description: "Goes up by one on every change, for optimistic concurrency." })
  version!: number;
}
