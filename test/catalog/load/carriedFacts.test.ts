import crypto from "node:crypto";
import path from "node:path";
import type { Database } from "../../../src/db/database";
import { writeSources } from "../../../src/db/loadRepository";
import { CarriedFacts } from "../../../src/catalog/load/carriedFacts";
import { entityKey } from "../../../src/catalog/load/syncFacts";
import { importDocuments } from "../../../src/catalog/import/importDocuments";
import { allDecisions } from "../../support/allDecisions";
import { createCatalogDatabase } from "../../support/catalogDatabase";

const FIXTURES = path.join(__dirname, "../../fixtures");
/** The fixture folders, one per format, in the order a load takes their groups. */
const FORMAT_FOLDERS = ["models-dev", "openrouter", "starmap", "foundry"];
const NOW = new Date("2026-03-01T12:00:00.000Z");

/** What deciding produced, without ids or times: every decision (stored or implied) with its chosen fact's source, every record's columns, capabilities and current prices. */
async function decidedCatalog(database: Database) {
  const q = (sql: string) => database.sql.query<Record<string, unknown>>(sql);
  return {
    decisions: await allDecisions(database),
    models: await q(`SELECT id, name, "authorId", "contextWindow", "maxOutputTokens", "releaseDate"::text FROM "Model" ORDER BY id`),
    offerings: await q(`SELECT id, name, "contextWindow", "maxOutputTokens" FROM "Offering" ORDER BY id`),
    providers: await q(`SELECT id, name, kind::text FROM "Provider" ORDER BY id`),
    capabilities: await q(`SELECT "modelId", "capabilityKey", level::text FROM "ModelCapability" ORDER BY 1, 2`),
    prices: await q(`SELECT "offeringId", kind::text, mode::text, "contextAbove", amount::text, version FROM "Price" WHERE "validTo" IS NULL ORDER BY 1, 2, 3, 4`),
  };
}

describe("facts carried from one format group to the next", () => {
  let databases: { database: Database; dispose(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(databases.map((d) => d.dispose()));
    databases = [];
  });

  it("decide every record as facts read back from the database do: one import of four formats equals four imports of one", async () => {
    const together = await createCatalogDatabase();
    const apart = await createCatalogDatabase();
    databases = [together, apart];
    const whole = await importDocuments(together.database, FORMAT_FOLDERS.map((f) => path.join(FIXTURES, f)), { uriBase: FIXTURES, now: NOW });
    expect(whole.failed).toEqual([]);
    for (const folder of FORMAT_FOLDERS) {
      const report = await importDocuments(apart.database, [path.join(FIXTURES, folder)], { uriBase: FIXTURES, now: NOW });
      expect(report.documents.loaded).toBeGreaterThan(0);
    }
    const expected = await decidedCatalog(apart.database);
    // The fixtures overlap (gpt-4.1-mini is stated by all four formats), so later groups decide records earlier ones stated.
    expect(expected.decisions.filter((d) => d.entityId === "gpt-4.1-mini" && d.field === "contextWindow")).toEqual([
      expect.objectContaining({ entityType: "MODEL", entityId: "gpt-4.1-mini", field: "contextWindow" }),
    ]);
    expect(new Set(expected.decisions.map((d) => String(d.chosenFrom).split("/")[0])).size).toBeGreaterThanOrEqual(3);
    expect(await decidedCatalog(together.database)).toEqual(expected);
  });

  it("are dropped once another load has written one of their documents", async () => {
    const { database, dispose } = await createCatalogDatabase();
    databases = [{ database, dispose }];
    const sourceId = crypto.randomUUID();
    const source = { id: sourceId, format: "OPENROUTER", uri: "openrouter/models.json", title: null, contentHash: "a", sizeBytes: 1 };
    await writeSources(database.sql, [{ ...source, importedAt: NOW.toISOString() }]);
    const carried = new CarriedFacts(NOW);
    const key = entityKey("MODEL", "gpt-4.1-mini");
    const fact = { id: "f1", entityType: "MODEL", entityId: "gpt-4.1-mini", field: "contextWindow", value: 1047576, precision: null, step: null, locator: "$.data[0]", sourceId, format: "OPENROUTER" as const, uri: source.uri };
    carried.add([sourceId], new Map([[key, [fact]]]));

    await carried.confirm(database.sql);
    expect(carried.factsOf(key)).toEqual([fact]);
    expect(carried.sourceIds).toEqual([sourceId]);

    // Another process loads a new version of the document: what this load carried is no longer what is stored.
    await writeSources(database.sql, [{ ...source, contentHash: "b", importedAt: new Date(NOW.getTime() + 1).toISOString() }]);
    await carried.confirm(database.sql);
    expect(carried.factsOf(key)).toEqual([]);
    expect(carried.sourceIds).toEqual([]);
  });
});
