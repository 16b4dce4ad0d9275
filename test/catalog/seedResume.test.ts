import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importDocuments } from "../../src/catalog/import/importDocuments";
import { seedCatalog } from "../../src/catalog/import/seedCatalog";
import { openDatabase } from "../../src/db/database";
import { createCatalogDatabase, SEED_DIR, tableCounts } from "../support/catalogDatabase";
import { usingPostgres } from "../support/testDatabase";

jest.setTimeout(120_000);

/** A small seed folder: OpenRouter's list and the two seed documents. */
function smallSeed(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-seed-"));
  fs.cpSync(path.join(SEED_DIR, "openrouter"), path.join(dir, "openrouter"), { recursive: true });
  fs.cpSync(path.join(SEED_DIR, "seed-docs"), path.join(dir, "seed-docs"), { recursive: true });
  return dir;
}

describe("seeding on start", () => {
  it("completes a seed that was killed halfway, instead of taking the sources it left for a seeded catalog", async () => {
    const seedDir = smallSeed();
    const { database, dispose } = await createCatalogDatabase();
    try {
      // What a seed killed after its first format's transaction leaves: some sources, no completion.
      await importDocuments(database, [path.join(seedDir, "openrouter")], { uriBase: seedDir });
      const partial = await tableCounts(database);
      expect(partial.Source).toBe(1);

      const resumed = await seedCatalog(database, seedDir, { unlessComplete: true });
      expect(resumed?.documents).toMatchObject({ loaded: 2, unchanged: 1 });
      expect((await tableCounts(database)).Source).toBe(3);
      expect(await seedCatalog(database, seedDir, { unlessComplete: true })).toBeUndefined();
    } finally {
      await dispose();
    }
  });

  it("seeds once when servers start together on one empty database", async () => {
    const seedDir = smallSeed();
    const { database, target, dispose } = await createCatalogDatabase();
    // On PostgreSQL, each server has connections of its own; PGlite is one process's database.
    const other = usingPostgres() ? await openDatabase(target) : database;
    try {
      const reports = await Promise.all([seedCatalog(database, seedDir, { unlessComplete: true }), seedCatalog(other, seedDir, { unlessComplete: true })]);
      expect(reports.filter((r) => r !== undefined)).toHaveLength(1);
      const counts = await tableCounts(database);
      expect(counts.Source).toBe(3);
      expect(counts.Model).toBeGreaterThan(300);
    } finally {
      if (other !== database) await other.close();
      await dispose();
    }
  });
});
