import { Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../context";
import { CapabilityDefinition } from "./capability.type";

@Resolver(() => CapabilityDefinition)
export class CapabilityResolver {
  @Query(() => [CapabilityDefinition], { description: "Every capability flag the catalog knows, by category and key." })
  capabilities(@Ctx() { snapshot }: GraphQLContext): readonly CapabilityDefinition[] {
    return snapshot.capabilityDefinitions();
  }
}
