import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/pageArgs.args";
import { ModelFilter } from "./modelFilter.input";
import { ModelOrder } from "./modelOrder.input";

@ArgsType()
export class ModelsArgs extends PageArgs {
  @Field(() => ModelFilter, { nullable: true, description: "Conditions every model listed must meet." })
  filter?: ModelFilter | null;

  @Field(() => [ModelOrder], { nullable: true, description: "Sort keys, most significant first; when not given, by name (by how well they match, for a search). Ties go by id." })
  orderBy?: ModelOrder[] | null;
}
