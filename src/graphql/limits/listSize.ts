import { Extensions } from "type-graphql";

/**
 * Declares how long an unpaged list can be, for the cost analysis (operationCost.ts): about the largest
 * the catalog holds, so that the cost of a query is an upper bound of its work. A list without it
 * counts as DEFAULT_LIST_SIZE; a paged list counts its `first` or `last`.
 */
export const ListSize = (size: number): MethodDecorator & PropertyDecorator & ClassDecorator => Extensions({ listSize: size });
