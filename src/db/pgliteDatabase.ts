import fs from "node:fs";
import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import type { Database, SqlSession } from "./database";
import { DataDirLock } from "./dataDirLock";
import { retryTransientTransaction } from "./transactionRetry";

export const IN_MEMORY = "memory://";

/**
 * PostgreSQL's shared buffers inside PGlite's WebAssembly memory. PostgreSQL zeroes its shared memory when
 * it starts, and WebAssembly memory never shrinks, so the default 128 MB was resident from the first
 * moment on (a serving process at 420 MB, of which the catalog's own heap is 50). Public reads come from
 * the read model, not the database, and the operating system caches the files anyway: a small buffer
 * pool costs little.
 */
const SHARED_BUFFERS = "16MB";

/**
 * Opens (creating on first use) an embedded PGlite database in `dataDir`, or a throw-away one in memory
 * for `memory://`. PGlite is a single-connection, in-process database: a lock file keeps a second
 * process off the same folder, and an in-process queue serializes migration runs.
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  const inMemory = dataDir === IN_MEMORY;
  let dirLock: DataDirLock | undefined;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    dirLock = DataDirLock.acquire(path.join(dataDir, ".catalog.lock"));
  }
  let pglite: PGlite;
  try {
    const options = { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`] };
    pglite = inMemory ? new PGlite(options) : new PGlite(path.join(dataDir, "pgdata"), options);
    await pglite.waitReady;
  } catch (error) {
    dirLock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let migrationQueue: Promise<unknown> = Promise.resolve();

  return {
    kind: "pglite",
    prisma,
    sql: pgliteSession(pglite),
    withMigrationLock<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      const run = migrationQueue.then(() => work(pgliteSession(pglite)));
      migrationQueue = run.catch(() => undefined);
      return run;
    },
    async listen(channel: string, onPayload: (payload: string) => void) {
      const stop = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      dirLock?.release();
    },
  };
}

function pgliteSession(db: PGlite | Transaction): SqlSession {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async transaction<T>(work: (tx: SqlSession) => Promise<T>) {
      if (!("transaction" in db)) throw new Error("nested transactions are not supported");
      // PGlite runs one transaction at a time, so it never deadlocks; the retry keeps its contract the
      // same as PostgreSQL's (work may run more than once), so code tested here behaves alike there.
      return retryTransientTransaction(() => db.transaction((tx) => work(pgliteSession(tx))));
    },
  };
}
