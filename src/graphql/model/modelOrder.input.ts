import { Field, InputType, registerEnumType } from "type-graphql";
import { OrderDirection, PriceKind } from "../common/enums";

export enum ModelOrderField {
  NAME = "NAME",
  ID = "ID",
  RELEASE_DATE = "RELEASE_DATE",
  CONTEXT_WINDOW = "CONTEXT_WINDOW",
  MAX_OUTPUT_TOKENS = "MAX_OUTPUT_TOKENS",
  PRICE = "PRICE",
}
registerEnumType(ModelOrderField, {
  name: "ModelOrderField",
  description: "What to sort models by. Unknown values sort last either way; ties are broken by id.",
  valuesConfig: { PRICE: { description: "The cheapest current base-tier STANDARD price of `priceKind` over the model's offerings (of the filter's providers, when given)." } },
});

@InputType({ description: "One sort key of a model list." })
export class ModelOrder {
  @Field(() => ModelOrderField, { description: "What to sort by." })
  field!: ModelOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "ASC by default (cheapest, oldest, smallest, A first)." })
  direction?: OrderDirection | null;

  @Field(() => PriceKind, { nullable: true, description: "Which price, for PRICE." })
  priceKind?: PriceKind | null;
}
