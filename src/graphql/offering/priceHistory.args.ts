import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../common/pageArgs.args";
import { PriceKind, PriceMode } from "../common/enums";

@ArgsType()
export class PriceHistoryArgs extends PageArgs {
  @Field(() => ID, { description: 'The offering, e.g. "openai:gpt-4.1-mini".' })
  offeringId!: string;

  @Field(() => PriceKind, { nullable: true, description: "Only this kind of price." })
  kind?: PriceKind | null;

  @Field(() => PriceMode, { nullable: true, description: "Only this mode." })
  mode?: PriceMode | null;
}
