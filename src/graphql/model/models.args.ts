import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/pageArgs.args";
import { ModelFilter } from "./modelFilter.input";
import { ModelOrder } from "./modelOrder.input";
import { includeFreeDescription, includeRoutersDescription } from "../offering/priceInclusion";

@ArgsType()
export class ModelsArgs extends PageArgs {
  @Field(() => ModelFilter, { nullable: true, description: "Conditions every model listed must meet." })
  filter?: ModelFilter | null;

  @Field(() => [ModelOrder], { nullable: true, description: "Sort keys, most significant first; when not given, by name (by how well they match, for a search). Ties go by id." })
  orderBy?: ModelOrder[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: includeFreeDescription("in a PRICE ordering and the maxPrice ceiling") })
  includeFree?: boolean | null = false;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: includeRoutersDescription("in a PRICE ordering and the maxPrice ceiling") })
  includeRouters?: boolean | null = false;
}
