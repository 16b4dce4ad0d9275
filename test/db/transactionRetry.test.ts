import { Client } from "pg";
import { openDatabase, type Database } from "../../src/db/database";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

// Two sessions lock two rows in opposite order: PostgreSQL aborts one of them with a deadlock (40P01).
// PGlite runs one transaction at a time and cannot deadlock, so this runs on PostgreSQL only.
const onPostgres = usingPostgres() ? describe : describe.skip;

onPostgres("a transaction PostgreSQL aborts for a deadlock", () => {
  let testDb: TestDatabase;
  let database: Database;
  let other: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase(testDb.target);
    await database.sql.exec(`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0), (2, 0);`);
    other = new Client({ connectionString: (testDb.target as { url: string }).url });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await database?.close();
    await testDb?.drop();
  });

  /** Resolves once a session on this test's database waits for a lock; the deadlock is then certain. */
  async function untilSomeoneWaits(): Promise<void> {
    for (;;) {
      const [{ waiting }] = await database.sql.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("is run again and commits, with the other session's change kept as well", async () => {
    let runs = 0;
    let firstLocked!: () => void;
    const ourFirstLock = new Promise<void>((resolve) => (firstLocked = resolve));

    const ours = database.sql.transaction(async (tx) => {
      runs += 1;
      // Ours detects the deadlock first (50 ms against the other session's 10 s), so ours is the one aborted.
      await tx.query(`SET LOCAL deadlock_timeout = '50ms'`);
      await tx.query(`UPDATE counter SET n = n + 1 WHERE id = 1`);
      if (runs === 1) {
        firstLocked();
        await untilSomeoneWaits();
      }
      await tx.query(`UPDATE counter SET n = n + 1 WHERE id = 2`);
      return runs;
    });

    // The other session holds row 2 and then waits for row 1, which our first run holds.
    await other.query(`SET deadlock_timeout = '10s'`);
    await other.query("BEGIN");
    await other.query(`UPDATE counter SET n = n + 10 WHERE id = 2`);
    await ourFirstLock;
    const theirs = other.query(`UPDATE counter SET n = n + 10 WHERE id = 1`).then(() => other.query("COMMIT"));

    await expect(ours).resolves.toBe(2);
    await theirs;
    expect(await database.sql.query(`SELECT id, n FROM counter ORDER BY id`)).toEqual([
      { id: 1, n: 11 },
      { id: 2, n: 11 },
    ]);
  });
});
