import { Field, InputType } from "type-graphql";
import { ProviderKind } from "../common/enums";

@InputType({ description: "Conditions on providers." })
export class ProviderFilter {
  @Field(() => String, { nullable: true, description: "Words in the id or name." })
  search?: string | null;

  @Field(() => [ProviderKind], { nullable: true, description: "Of one of these kinds." })
  kinds?: ProviderKind[] | null;
}
