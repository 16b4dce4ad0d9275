import { createCatalogServices, startReadModel, stopReadModel, type CatalogServices } from "../../../src/catalog/catalogServices";
import { createCatalogDatabase } from "../../support/catalogDatabase";

// A server builds its read model with V8 tuned for speed, then serves tuned for size and frees the build's
// garbage (main.ts, servingMemory.ts); a price patch builds little and must not pay a full collection.
describe("the read model's rebuild hooks", () => {
  let catalog: Awaited<ReturnType<typeof createCatalogDatabase>>;
  let services: CatalogServices;
  const calls: string[] = [];

  beforeAll(async () => {
    catalog = await createCatalogDatabase();
    services = createCatalogServices(catalog.database, {
      rebuildHooks: {
        beforeRebuild: () => calls.push(`before ${services.readModel.stats.rebuilds}`),
        afterRebuild: () => calls.push(`after ${services.readModel.stats.rebuilds}`),
      },
    });
  });

  afterAll(async () => {
    await stopReadModel(services);
    await catalog.dispose();
  });

  it("run before each rebuild reads and after it has swapped its snapshot in, and not around a price patch", async () => {
    await startReadModel(services);
    // The counts seen inside the hooks: after, the rebuild was already counted, so its snapshot was in place.
    expect(calls).toEqual(["before 0", "after 1"]);
    await services.readModel.patchPrices(["no-such-offering"]);
    expect(services.readModel.stats.patches).toBe(1);
    expect(calls).toEqual(["before 0", "after 1"]);
    await services.readModel.rebuild();
    expect(calls).toEqual(["before 0", "after 1", "before 1", "after 2"]);
  });
});
