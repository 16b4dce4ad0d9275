import path from "node:path";
import { importDocuments } from "../../../src/catalog/import/importDocuments";
import { ProvenanceService } from "../../../src/catalog/provenance/provenance.service";
import { ProvenanceRepository } from "../../../src/db/provenanceRepository";
import { SourceContributionRepository } from "../../../src/db/sourceContributionRepository";
import { createCatalogDatabase } from "../../support/catalogDatabase";

const FIXTURES = path.join(__dirname, "../../fixtures");

describe("what each document contributes (the quality report's idle documents)", () => {
  it("counts a document's facts and, of them, those provenance shows as chosen, stored decisions or not", async () => {
    const { database, dispose } = await createCatalogDatabase();
    try {
      const report = await importDocuments(database, ["models-dev", "openrouter", "starmap", "foundry"].map((f) => path.join(FIXTURES, f)), { uriBase: FIXTURES });
      expect(report.failed).toEqual([]);
      const keys = (await database.sql.query<{ key: string }>(`SELECT DISTINCT "entityType"::text || ' ' || "entityId" AS key FROM "Fact"`)).map((k) => k.key);
      const shown = (await new ProvenanceService(new ProvenanceRepository(database.sql)).provenanceByEntities(keys)).flat();
      const chosen = new Map<string, number>();
      for (const field of shown) for (const c of field.candidates) if (c.chosen && field.derivedFrom.length === 0) chosen.set(c.sourceId, (chosen.get(c.sourceId) ?? 0) + 1);
      const counted = await new SourceContributionRepository(database.sql).countsBySource();
      expect(counted.length).toBeGreaterThan(5);
      // Some documents lose every field they state (the fixtures overlap), and most win some.
      expect(counted.some((c) => c.chosen === 0 && c.facts > 0)).toBe(true);
      expect(Object.fromEntries(counted.map((c) => [c.sourceId, c.chosen]))).toEqual(Object.fromEntries(counted.map((c) => [c.sourceId, chosen.get(c.sourceId) ?? 0])));
      const [{ facts }] = await database.sql.query<{ facts: number }>(`SELECT count(*)::int AS facts FROM "Fact"`);
      expect(counted.reduce((sum, c) => sum + c.facts, 0)).toBe(facts);
    } finally {
      await dispose();
    }
  });
});
