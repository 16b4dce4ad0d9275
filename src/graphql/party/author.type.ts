import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Who made models (OpenAI, Meta, ...)." })
export class Author {
  @Field(() => ID, { description: 'e.g. "openai", "meta".' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int)
  version!: number;
}
