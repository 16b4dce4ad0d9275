import { Query, Resolver } from "type-graphql";
import type { CapabilityCatalogService } from "../../catalog/capabilities/capabilityCatalog.service";
import { CapabilityDefinition } from "./capability.type";

@Resolver(() => CapabilityDefinition)
export class CapabilityResolver {
  constructor(private readonly capabilityCatalog: CapabilityCatalogService) {}

  @Query(() => [CapabilityDefinition], { description: "Every capability flag the catalog knows, by category and key." })
  async capabilities(): Promise<CapabilityDefinition[]> {
    return this.capabilityCatalog.definitions();
  }
}
