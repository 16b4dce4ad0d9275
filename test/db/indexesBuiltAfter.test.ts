import { insertRows } from "../../src/db/bulkRows";
import { openDatabase, type Database } from "../../src/db/database";
import { INDEXES_AFTER_MIN_ROWS, indexesBuiltAfter, insertWithIndexesAfter } from "../../src/db/indexesBuiltAfter";
import { QueuedWrites } from "../../src/db/queuedWrites";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

// A bulk load into an empty table drops the indexes no constraint owns and builds them after its rows.
// What must hold: the indexes come back exactly as they were, a unique one still refuses a duplicate
// (the load fails and nothing of it stays), and a table with rows, or a small insert, keeps its indexes.
describe(`indexes built after a bulk load (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, () => {
  let testDb: TestDatabase;
  let database: Database;
  const columns = [
    { name: "id", type: "integer" },
    { name: "owner", type: "text" },
    { name: "label", type: "text" },
  ];
  const rows = (count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ id: from + i, owner: `owner ${(from + i) % 97}`, label: `row ${from + i}` }));

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase(testDb.target);
    await database.sql.exec(`CREATE TABLE "Bulk" (id int PRIMARY KEY, owner text NOT NULL, label text NOT NULL)`);
    await database.sql.exec(`CREATE UNIQUE INDEX "Bulk_label_key" ON "Bulk" (label)`);
    await database.sql.exec(`CREATE INDEX "Bulk_owner_idx" ON "Bulk" (owner, id DESC) WHERE owner <> ''`);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  beforeEach(() => database.sql.exec(`DELETE FROM "Bulk"`));

  const definitions = () => database.sql.query<{ name: string; definition: string }>(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'Bulk' ORDER BY indexname`);
  const count = async () => (await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Bulk"`))[0].n;

  /** Loads `toLoad` as a load does: the indexes read first, then every statement issued without a wait. */
  const load = (toLoad: ReturnType<typeof rows>, seen?: (names: string[]) => void) =>
    database.sql.transaction(async (tx) => {
      const indexes = await indexesBuiltAfter(tx, "Bulk", toLoad.length);
      seen?.(indexes.build);
      const writes = new QueuedWrites();
      writes.add(insertWithIndexesAfter(tx, indexes, () => insertRows(tx, "Bulk", columns, toLoad)));
      await writes.drain();
      return indexes;
    });

  it("drops the indexes no constraint owns before a large insert into an empty table and builds them, unchanged, after it", async () => {
    const before = await definitions();
    expect(before.map((d) => d.name)).toEqual(["Bulk_label_key", "Bulk_owner_idx", "Bulk_pkey"]);
    const indexes = await load(rows(INDEXES_AFTER_MIN_ROWS + 500));
    // The primary key is a constraint's: it stays.
    expect(indexes.drop).toEqual([`DROP INDEX "Bulk_label_key"`, `DROP INDEX "Bulk_owner_idx"`]);
    expect(await definitions()).toEqual(before);
    expect(await count()).toBe(INDEXES_AFTER_MIN_ROWS + 500);
    // The rebuilt unique index refuses a duplicate again.
    await expect(database.sql.exec(`INSERT INTO "Bulk" VALUES (999999, 'x', 'row 1')`)).rejects.toThrow(/Bulk_label_key/);
  });

  it("keeps the indexes of a table that has rows, and for an insert too small to gain by it", async () => {
    await insertRows(database.sql, "Bulk", columns, rows(1, 900_000));
    expect(await load(rows(INDEXES_AFTER_MIN_ROWS + 500))).toEqual({ drop: [], build: [] });
    await database.sql.exec(`DELETE FROM "Bulk"`);
    expect(await load(rows(INDEXES_AFTER_MIN_ROWS - 1))).toEqual({ drop: [], build: [] });
    expect(await count()).toBe(INDEXES_AFTER_MIN_ROWS - 1);
  });

  it("fails a load whose rows break a unique index when it is built, keeping nothing of it and every index", async () => {
    const before = await definitions();
    const duplicated = rows(INDEXES_AFTER_MIN_ROWS + 500);
    duplicated[7_000] = { ...duplicated[7_000], label: duplicated[3].label };
    let built: string[] = [];
    await expect(load(duplicated, (names) => (built = names))).rejects.toThrow(/could not create unique index "Bulk_label_key"/);
    expect(built).toHaveLength(2); // the indexes were dropped: the duplicate was caught by the rebuild
    expect(await count()).toBe(0);
    expect(await definitions()).toEqual(before);
  });
});
