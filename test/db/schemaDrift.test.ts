import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase } from "../../src/db/database";
import { applyMigrations } from "../../src/db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../../src/db/migrations/migrationFiles";
import { silentLogger } from "../../src/logger";
import { createTestDatabase, usingPostgres } from "../support/testDatabase";
import { snapshotSchema } from "../support/schemaSnapshot";

const root = path.resolve(__dirname, "../..");

/** The SQL Prisma derives from schema.prisma alone, as `prisma migrate diff --from-empty` prints it. */
async function sqlFromSchema(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      require.resolve("prisma/build/index.js"),
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: "postgresql://diff:diff@localhost:5432/diff" }, maxBuffer: 16 << 20 },
  );
  return stdout;
}

async function schemaOf(apply: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<unknown>): Promise<string[]> {
  const testDb = await createTestDatabase();
  const db = await openDatabase(testDb.target);
  try {
    await apply(db);
    return await db.withMigrationLock(snapshotSchema);
  } finally {
    await db.close();
    await testDb.drop();
  }
}

describe(`schema drift on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  it("gives a database migrated from prisma/migrations exactly the schema that schema.prisma describes", async () => {
    const expectedSql = await sqlFromSchema();
    expect(expectedSql).toContain('CREATE TABLE "Model"');

    const fromSchema = await schemaOf((db) => db.withMigrationLock((s) => s.exec(expectedSql)));
    const fromMigrations = await schemaOf((db) =>
      applyMigrations(db, readMigrationFiles(defaultMigrationsDir()), silentLogger),
    );

    expect(fromMigrations.length).toBeGreaterThan(100);
    expect(fromMigrations).toEqual(fromSchema);
  }, 120_000);
});
