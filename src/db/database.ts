import type { DatabaseTarget } from "../config";
import type { PrismaClient } from "./generated/client";

/** A raw SQL connection for work Prisma cannot express, such as multi-statement migration scripts. */
export interface SqlSession {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements; no parameters. */
  exec(script: string): Promise<void>;
  /**
   * Runs `work` in one transaction: committed if it resolves, rolled back if it throws. When PostgreSQL
   * rolls it back for a deadlock (40P01) or a serialization failure (40001), `work` is run again in a
   * new transaction, a few times, after a short jittered pause (see transactionRetry.ts). So `work` may
   * run more than once: whatever it changes outside the transaction (counters, lists it fills) must be
   * started afresh on each run, or kept only from the run that returns.
   */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  /**
   * `COPY table (columns) FROM` a CSV text (PostgreSQL's CSV format: NULL unquoted and empty), where the
   * session can: PGlite reads it as a blob, a PostgreSQL transaction from STDIN (postgresCopy.ts).
   * Plain bulk inserts go by it (copyRows.ts).
   */
  copyFrom?(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * How a bulk statement (an upsert, an update, a delete) reads its rows (bulkRows.ts): one array per
   * column on PostgreSQL, a JSON recordset on PGlite.
   */
  readonly statementRows: "columnArrays" | "jsonRecordset";
}

/** An open catalog database: the Prisma client, and raw sessions for the migration runner. */
export interface Database {
  readonly kind: DatabaseTarget["kind"];
  readonly prisma: PrismaClient;
  /** Raw SQL for bulk work Prisma would do row by row, such as loading a seed; `transaction` holds one connection. */
  readonly sql: SqlSession;
  /**
   * Runs `work` holding the database's migration lock, so that two starting servers (or two runners in
   * one process) never apply migrations at once; the second waits, then finds nothing left to do.
   */
  withMigrationLock<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` with every notification on `channel` (PostgreSQL LISTEN/NOTIFY; PGlite runs the
   * same in process). On PostgreSQL a dropped listening connection is reopened, after which `onResume`
   * runs, since notifications sent in between are lost. Returns a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  /**
   * Frees what the database holds in this process and no longer uses: PGlite's thread collects its
   * garbage (the rows a read model's build passed through it). PostgreSQL holds nothing here. Returns
   * the bytes freed.
   */
  releaseMemory(): Promise<number>;
  close(): Promise<void>;
}

/**
 * What a process opens the database for: to serve (a server, a report, a key command), or to load
 * documents in bulk and exit (`npm run seed`, `npm run import`, the seed of a first start). PGlite is
 * tuned for each (see pgliteDatabase.ts); PostgreSQL's server is tuned by its own configuration.
 */
export type DatabaseUse = "serve" | "load";

/** Opens the database the configuration names: PostgreSQL when a URL is given, else embedded PGlite. */
export async function openDatabase(target: DatabaseTarget, use: DatabaseUse = "serve"): Promise<Database> {
  if (target.kind === "postgresql") {
    const { openPostgresDatabase } = await import("./postgresDatabase");
    return openPostgresDatabase(target.url);
  }
  const { openPgliteDatabase } = await import("./pgliteDatabase");
  return openPgliteDatabase(target.dataDir, use);
}
