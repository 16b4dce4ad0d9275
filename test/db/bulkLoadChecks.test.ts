import { insertRows } from "../../src/db/bulkRows";
import { BULK_LOAD_MIN_ROWS, deferChecksWhileEmpty, issueStatements, restoreStatements } from "../../src/db/bulkLoadChecks";
import { openDatabase, type Database } from "../../src/db/database";
import { QueuedWrites } from "../../src/db/queuedWrites";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

// A bulk load into empty tables drops their indexes no constraint owns and their foreign keys, and
// builds them after its rows. What must hold: they come back exactly as they were, a duplicate or a
// dangling reference still fails the load (with nothing of it kept), and a table with rows, or a small
// load, keeps its checks.
describe(`indexes and foreign keys built after a bulk load (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, () => {
  let testDb: TestDatabase;
  let database: Database;
  const TABLES = ["Bulk", "Tag"];
  const bulkColumns = [
    { name: "id", type: "integer" },
    { name: "parentId", type: "integer" },
    { name: "label", type: "text" },
  ];
  const rows = (count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ id: from + i, parentId: (from + i) % 50, label: `row ${from + i}` }));

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase(testDb.target);
    await database.sql.exec(`CREATE TABLE "Parent" (id int PRIMARY KEY)`);
    await database.sql.exec(`INSERT INTO "Parent" SELECT generate_series(0, 49)`);
    await database.sql.exec(`CREATE TABLE "Bulk" (id int PRIMARY KEY, "parentId" int NOT NULL REFERENCES "Parent"(id) ON DELETE CASCADE, label text NOT NULL)`);
    await database.sql.exec(`CREATE UNIQUE INDEX "Bulk_label_key" ON "Bulk" (label)`);
    await database.sql.exec(`CREATE INDEX "Bulk_parent_idx" ON "Bulk" ("parentId", id DESC) WHERE label <> ''`);
    await database.sql.exec(`CREATE TABLE "Tag" (name text PRIMARY KEY, "parentId" int REFERENCES "Parent"(id))`);
    await database.sql.exec(`CREATE INDEX "Tag_parent_idx" ON "Tag" ("parentId")`);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  beforeEach(() => database.sql.exec(`DELETE FROM "Bulk"; DELETE FROM "Tag"`));

  /** Every index and constraint of the tables, as the database describes them (not PostgreSQL 18's NOT NULL constraints, which PGlite lists). */
  const checks = () =>
    database.sql.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename IN ('Bulk', 'Tag')
       UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('"Bulk"'::regclass, '"Tag"'::regclass) AND contype <> 'n'
       ORDER BY 1`,
    );
  const count = async () => (await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Bulk"`))[0].n;

  /** Loads `toLoad` as a load does: the checks read first, then every statement issued without a wait. */
  const load = (toLoad: ReturnType<typeof rows>) =>
    database.sql.transaction(async (tx) => {
      const deferred = await deferChecksWhileEmpty(tx, TABLES, toLoad.length);
      const writes = new QueuedWrites();
      writes.add(issueStatements(tx, deferred.drop));
      writes.add(insertRows(tx, "Bulk", bulkColumns, toLoad));
      writes.add(issueStatements(tx, restoreStatements(deferred)));
      await writes.drain();
      return deferred;
    });

  it("drops the foreign keys and the indexes no constraint owns of empty tables before a large load, and builds them, unchanged, after it", async () => {
    const before = await checks();
    expect(before.map((c) => c.name)).toEqual(["Bulk_label_key", "Bulk_parentId_fkey", "Bulk_parent_idx", "Bulk_pkey", "Bulk_pkey", "Tag_parentId_fkey", "Tag_parent_idx", "Tag_pkey", "Tag_pkey"]);
    const deferred = await load(rows(BULK_LOAD_MIN_ROWS + 500));
    // Primary keys are constraints' own: they stay.
    expect(deferred.drop).toEqual([
      `ALTER TABLE "Bulk" DROP CONSTRAINT "Bulk_parentId_fkey"`,
      `ALTER TABLE "Tag" DROP CONSTRAINT "Tag_parentId_fkey"`,
      `DROP INDEX "Bulk_label_key"`,
      `DROP INDEX "Bulk_parent_idx"`,
      `DROP INDEX "Tag_parent_idx"`,
    ]);
    // Each table's rebuilds apart, its indexes before its foreign keys: a load issues a table's once its rows are written.
    expect([...deferred.restore.keys()]).toEqual(["Bulk", "Tag"]);
    expect(deferred.restore.get("Tag")!.map((statement) => statement.replace(/ ON .*| FOREIGN KEY.*/, ""))).toEqual([`CREATE INDEX "Tag_parent_idx"`, `ALTER TABLE "Tag" ADD CONSTRAINT "Tag_parentId_fkey"`]);
    expect(restoreStatements(deferred, (table) => table === "Tag")).toEqual(deferred.restore.get("Tag"));
    expect(await checks()).toEqual(before);
    expect(await count()).toBe(BULK_LOAD_MIN_ROWS + 500);
    // Rebuilt, they refuse again what they refused before.
    await expect(database.sql.exec(`INSERT INTO "Bulk" VALUES (999999, 1, 'row 1')`)).rejects.toThrow(/Bulk_label_key/);
    await expect(database.sql.exec(`INSERT INTO "Bulk" VALUES (999999, 77, 'row 999999')`)).rejects.toThrow(/Bulk_parentId_fkey/);
    await database.sql.exec(`DELETE FROM "Parent" WHERE id = 3`);
    expect(await count()).toBe(BULK_LOAD_MIN_ROWS + 500 - Math.ceil((BULK_LOAD_MIN_ROWS + 500 - 3) / 50)); // ON DELETE CASCADE kept
    await database.sql.exec(`INSERT INTO "Parent" VALUES (3)`);
  });

  it("keeps the checks of a table that has rows, and all of them for a load too small to gain by it", async () => {
    await database.sql.exec(`INSERT INTO "Tag" VALUES ('kept', 1)`);
    const deferred = await load(rows(BULK_LOAD_MIN_ROWS + 500));
    expect(deferred.drop.filter((statement) => statement.includes("Tag"))).toEqual([]);
    expect(deferred.drop.length).toBeGreaterThan(0);
    await database.sql.exec(`DELETE FROM "Bulk"; DELETE FROM "Tag"`);
    expect(await load(rows(BULK_LOAD_MIN_ROWS - 1))).toEqual({ drop: [], restore: new Map() });
    expect(await count()).toBe(BULK_LOAD_MIN_ROWS - 1);
  });

  it("fails a load with a duplicate or a dangling reference when the checks are built, keeping nothing of it and every check", async () => {
    const before = await checks();
    const duplicated = rows(BULK_LOAD_MIN_ROWS + 500);
    duplicated[7_000] = { ...duplicated[7_000], label: duplicated[3].label };
    await expect(load(duplicated)).rejects.toThrow(/could not create unique index "Bulk_label_key"/);
    expect(await count()).toBe(0);
    expect(await checks()).toEqual(before);

    const dangling = rows(BULK_LOAD_MIN_ROWS + 500);
    dangling[9_000] = { ...dangling[9_000], parentId: 404 };
    await expect(load(dangling)).rejects.toThrow(/Bulk_parentId_fkey/);
    expect(await count()).toBe(0);
    expect(await checks()).toEqual(before);
  });
});
