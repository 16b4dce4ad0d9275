import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "How many items after `after` (default 20, at most 100)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "An opaque cursor: read the items after it." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "How many items before `before` (at most 100), reading backwards." })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "An opaque cursor: read the items before it." })
  before?: string | null;
}
