import { createCatalogServices, startReadModel, stopReadModel, type CatalogServices } from "../../../src/catalog/catalogServices";
import { createCatalogDatabase } from "../../support/catalogDatabase";

// A server frees the garbage of building its read model after every rebuild (main.ts); a price patch
// builds little and must not pay a full collection.
describe("the read model's afterRebuild hook", () => {
  let catalog: Awaited<ReturnType<typeof createCatalogDatabase>>;
  let services: CatalogServices;
  let calls: number[] = [];

  beforeAll(async () => {
    catalog = await createCatalogDatabase();
    services = createCatalogServices(catalog.database, { afterRebuild: () => calls.push(services.readModel.stats.rebuilds) });
  });

  afterAll(async () => {
    await stopReadModel(services);
    await catalog.dispose();
  });

  it("runs once after each rebuild has swapped its snapshot in, and not after a price patch", async () => {
    await startReadModel(services);
    // The count seen inside the hook: the rebuild was already counted, so its snapshot was in place.
    expect(calls).toEqual([1]);
    await services.readModel.patchPrices(["no-such-offering"]);
    expect(services.readModel.stats.patches).toBe(1);
    expect(calls).toEqual([1]);
    await services.readModel.rebuild();
    expect(calls).toEqual([1, 2]);
  });
});
