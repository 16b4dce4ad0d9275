import { Field, ObjectType } from "type-graphql";
import { CapabilityLevel } from "../common/enums";
import { CACHE_HINTS, CacheHint } from "../cache/cacheHint";

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "A capability flag the catalog knows (tool calls, structured outputs, streaming, vision, reasoning...)." })
export class CapabilityDefinition {
  @Field({ description: 'The key filters and `supports` take, e.g. "tool_calls".' })
  key!: string;

  @Field({ description: "A readable name." })
  name!: string;

  @Field({ description: "features, generation_controls, modalities or delivery." })
  category!: string;

  @Field(() => String, { nullable: true, description: "What the flag means." })
  description!: string | null;
}

@CacheHint(CACHE_HINTS.catalogRecord)
@ObjectType({ description: "A capability as a model or offering has it." })
export class CapabilityFlag {
  @Field({ description: "The capability's key." })
  key!: string;

  @Field(() => CapabilityLevel, { description: "How it has it." })
  level!: CapabilityLevel;

  @Field({ description: "Whether it is there (SUPPORTED or CORE)." })
  supported!: boolean;
}
