import path from "node:path";
import { openDatabase, type Database } from "../../src/db/database";
import { applyMigrations } from "../../src/db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../../src/db/migrations/migrationFiles";
import { silentLogger } from "../../src/logger";
import { createTestDatabase, type TestDatabase } from "./testDatabase";

export const SEED_DIR = path.join(__dirname, "../../seed");

/** A fresh, migrated, empty catalog database (PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function createCatalogDatabase(): Promise<{ database: Database; target: TestDatabase["target"]; dispose(): Promise<void> }> {
  const testDb: TestDatabase = await createTestDatabase();
  const database = await openDatabase(testDb.target);
  await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), silentLogger);
  return {
    database,
    target: testDb.target,
    async dispose() {
      await database.close();
      await testDb.drop();
    },
  };
}

/** Row counts of the tables an import writes, for before/after comparisons. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = ["Source", "Author", "Provider", "Model", "ModelAlias", "Offering", "Price", "Fact", "FieldDecision", "DecisionRule", "ModelCapability", "OfferingCapability", "ModelBenchmark"];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ count }] = await database.sql.query<{ count: string | number }>(`SELECT count(*) AS count FROM "${table}"`);
    counts[table] = Number(count);
  }
  return counts;
}
