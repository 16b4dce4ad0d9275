import fs from "node:fs";
import path from "node:path";
import { types } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "./generated/client";
import type { Database, DatabaseUse, SqlSession } from "./database";
import { DataDirLock } from "./dataDirLock";
import { PgliteThreadClient } from "./pglite/pgliteThreadClient";
import { prismaThreadAdapter } from "./pglite/prismaThreadAdapter";
import { retryTransientTransaction } from "./transactionRetry";

export const IN_MEMORY = "memory://";

/**
 * PostgreSQL's shared buffers inside PGlite's WebAssembly memory, by what the process opens it for.
 * - serve: 16 MB. PostgreSQL zeroes its shared memory when it starts, and WebAssembly memory never
 *   shrinks, so the default 128 MB was resident from the first moment on (a serving process at 420 MB, of
 *   which the catalog's own heap is 50). Public reads come from the read model, not the database, and the
 *   operating system caches the files anyway: a small buffer pool costs little.
 * - load: PostgreSQL's default 128 MB, in a process that exits after loading. A seed's fact indexes do
 *   not fit in 16 MB: its pages were written out and read back through PGlite's file system layer
 *   (a seed made 26,267 page reads and 77,005 writes with 16 MB, 948 and 47,761 with 128 MB).
 */
const SHARED_BUFFERS: Record<DatabaseUse, string> = { serve: "16MB", load: "128MB" };

/**
 * The PGlite thread's young generation, in MB: a serving thread answers a few statements a second (reads
 * come from the read model), and V8's default let it keep about 40 MB of heap it did not use (a serving
 * process at 341-374 MB against 301-315 MB with PGlite on the server's thread; 4 MB: 323 MB). A load keeps
 * V8's default.
 */
const YOUNG_GENERATION_MB: Record<DatabaseUse, number | undefined> = { serve: 4, load: undefined };

/**
 * Opens (creating on first use) an embedded PGlite database in `dataDir`, or a throw-away one in memory
 * for `memory://`. PGlite is a single-connection database: a lock file keeps a second process off the
 * same folder, and an in-process queue serializes migration runs.
 *
 * PGlite runs on a thread of its own (pglite/pgliteThread.ts). On the server's thread, a slow statement
 * held every client, health probes included; and a load, which issues its writes and goes on deciding
 * the next batch (QueuedWrites), had the database and the JavaScript take turns on one core. On its own
 * thread the database works while the load decides, as PostgreSQL does in its own process.
 */
export async function openPgliteDatabase(dataDir: string, use: DatabaseUse = "serve"): Promise<Database> {
  const inMemory = dataDir === IN_MEMORY;
  let dirLock: DataDirLock | undefined;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    dirLock = DataDirLock.acquire(path.join(dataDir, ".catalog.lock"));
  }
  let thread: PgliteThreadClient;
  try {
    thread = await PgliteThreadClient.start({
      dataDir: inMemory ? IN_MEMORY : path.join(dataDir, "pgdata"),
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS[use]}`],
    }, YOUNG_GENERATION_MB[use]);
  } catch (error) {
    dirLock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: prismaThreadAdapter(thread) });
  let migrationQueue: Promise<unknown> = Promise.resolve();
  let closed = false;

  return {
    kind: "pglite",
    prisma,
    sql: threadSession(thread),
    withMigrationLock<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      const run = migrationQueue.then(() => work(threadSession(thread)));
      migrationQueue = run.catch(() => undefined);
      return run;
    },
    async listen(channel: string, onPayload: (payload: string) => void) {
      const stop = await thread.listen(channel, onPayload);
      return async () => {
        if (!closed) await stop();
      };
    },
    async releaseMemory() {
      return closed ? 0 : thread.call<number>({ op: "collectGarbage" });
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await thread.close();
      dirLock?.release();
    },
  };
}

/**
 * Rows with their Date values made in this context. A message's Dates are made in Node's main context;
 * code running in another one (Jest runs each test file in a context of its own) would not recognise
 * them with `instanceof Date`. In the main context nothing is remade: the check is all it costs.
 */
function withLocalDates<Row>(rows: Row[]): Row[] {
  for (const row of rows as Record<string, unknown>[]) {
    for (const key in row) {
      const value = row[key];
      if (typeof value === "object" && value !== null && !(value instanceof Date) && types.isDate(value)) row[key] = new Date(value.getTime());
    }
  }
  return rows;
}

/** Statements on the PGlite thread, outside a transaction or inside the one `tx` names. */
function threadSession(thread: PgliteThreadClient, tx?: number): SqlSession {
  return {
    statementRows: "jsonRecordset",
    async query<Row>(sql: string, params?: unknown[]) {
      return withLocalDates(await thread.call<Row[]>({ op: "query", sql, params, tx }));
    },
    async exec(script: string) {
      await thread.call({ op: "exec", sql: script, tx });
    },
    async copyFrom(table: string, columns: readonly string[], csv: string) {
      const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`;
      await thread.call({ op: "copyFrom", sql, csv, tx });
    },
    async transaction<T>(work: (tx: SqlSession) => Promise<T>) {
      if (tx !== undefined) throw new Error("nested transactions are not supported");
      // PGlite runs one transaction at a time, so it never deadlocks; the retry keeps its contract the
      // same as PostgreSQL's (work may run more than once), so code tested here behaves alike there.
      return retryTransientTransaction(async () => {
        const id = await thread.call<number>({ op: "begin" });
        let result: T;
        try {
          result = await work(threadSession(thread, id));
        } catch (error) {
          await thread.call({ op: "end", tx: id, commit: false }).catch(() => undefined);
          throw error;
        }
        await thread.call({ op: "end", tx: id, commit: true });
        return result;
      });
    },
  };
}
