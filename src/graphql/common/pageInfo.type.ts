import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page of a connection sits in the whole list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "Whether there are items after this page (reading forwards)." })
  hasNextPage!: boolean;

  @Field({ description: "Whether there are items before this page (reading backwards)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the first item; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The cursor of the last item; null on an empty page." })
  endCursor!: string | null;
}
