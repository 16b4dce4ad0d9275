import { insertRows } from "../../src/db/bulkRows";
import { openDatabase, type Database } from "../../src/db/database";
import { QueuedWrites } from "../../src/db/queuedWrites";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

// A load leaves its bulk writes running while it works on (QueuedWrites). What it reads afterwards must
// see them, and a write that fails must be the error the load reports, with nothing of it kept.
describe(`writes left running on a transaction (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, () => {
  let testDb: TestDatabase;
  let database: Database;
  const columns = [
    { name: "id", type: "integer" },
    { name: "label", type: "text" },
  ];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase(testDb.target);
    await database.sql.exec(`CREATE TABLE queued (id int PRIMARY KEY, label text NOT NULL)`);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  beforeEach(() => database.sql.exec(`DELETE FROM queued`));

  const rows = (from: number, count: number, label = "row") => Array.from({ length: count }, (_, i) => ({ id: from + i, label: `${label} ${from + i}` }));

  it("runs what is read after the writes after them, every chunk included", async () => {
    const seen = await database.sql.transaction(async (tx) => {
      const writes = new QueuedWrites();
      // 4,500 rows: three statements of 2,000 rows, issued at once.
      writes.add(insertRows(tx, "queued", columns, rows(1, 4500)));
      writes.add(tx.query(`UPDATE queued SET label = 'changed' WHERE id > 4000`));
      const read = await tx.query<{ n: number; changed: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE label = 'changed')::int AS changed FROM queued`);
      await writes.drain();
      return read[0];
    });
    expect(seen).toEqual({ n: 4500, changed: 500 });
  });

  it("reports the write that failed, not a later statement the aborted transaction refused, and keeps nothing", async () => {
    await database.sql.exec(`INSERT INTO queued VALUES (3001, 'stored before')`);
    const load = database.sql.transaction(async (tx) => {
      const writes = new QueuedWrites();
      // The second chunk collides with the stored row; the third chunk and the read are refused after it.
      writes.add(insertRows(tx, "queued", columns, rows(1, 5000)));
      try {
        await tx.query(`SELECT count(*) FROM queued`);
      } catch (error) {
        await writes.drain();
        throw error;
      }
      await writes.drain();
    });
    await expect(load).rejects.toThrow(/duplicate key value violates unique constraint "queued_pkey"/);
    expect(await database.sql.query(`SELECT id, label FROM queued`)).toEqual([{ id: 3001, label: "stored before" }]);
  });

  // PostgreSQL runs in its own process: statements issued while the JavaScript holds the thread must
  // already be on the wire (a pipelined connection), or the database waits for the loader. PGlite runs
  // on this thread, so there is nothing to overlap.
  (usingPostgres() ? it : it.skip)("sends every issued statement at once, so PostgreSQL runs them while the loader computes", async () => {
    await database.sql.exec(`CREATE TABLE IF NOT EXISTS ran (n int PRIMARY KEY, at timestamptz NOT NULL)`);
    await database.sql.exec(`DELETE FROM ran`);
    const gapMs = await database.sql.transaction(async (tx) => {
      const writes = new QueuedWrites();
      writes.add(tx.query(`INSERT INTO ran VALUES (1, clock_timestamp())`));
      writes.add(tx.query(`INSERT INTO ran VALUES (2, clock_timestamp())`));
      // The loader deciding its next batch: the thread is held for a second, no event loop turn.
      const until = Date.now() + 1000;
      while (Date.now() < until);
      await writes.drain();
      const [row] = await tx.query<{ gap: number }>(`SELECT extract(epoch FROM max(at) - min(at)) * 1000 AS gap FROM ran`);
      return Number(row.gap);
    });
    // One at a time, the second statement could only be sent after the second of busy work.
    expect(gapMs).toBeLessThan(500);
  });

  it("drains to nothing when no write was left running", async () => {
    await expect(new QueuedWrites().drain()).resolves.toBeUndefined();
  });
});
