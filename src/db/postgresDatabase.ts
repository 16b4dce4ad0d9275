import { Pool, type PoolClient } from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import type { Database, SqlSession } from "./database";
import { copyFromText } from "./postgresCopy";
import { listenOnPostgres } from "./postgresListener";
import { retryTransientTransaction } from "./transactionRetry";

/** An arbitrary constant naming this project's advisory lock, so that no other application's collides. */
const MIGRATION_LOCK_KEY = 72_707_369_034;

/** Opens a PostgreSQL database through a connection pool shared by Prisma and the migration runner. */
export async function openPostgresDatabase(url: string): Promise<Database> {
  // Pipelined: a statement goes on the wire when it is issued, not when the one before it has answered
  // and the event loop has noticed. A load issues its writes and goes on deciding (QueuedWrites); one
  // at a time, PostgreSQL sat idle while the JavaScript held the thread (sampled: idle most of the
  // first 4.5 s of models.dev's group, then busy 4.5 s while the load waited). Pipelined, it works
  // through them while the load decides: a full seed took 12.8 s instead of 14.4 s on a loaded machine.
  const pool = new Pool({ connectionString: url, max: 10, pipeline: true });
  // An idle pooled connection the server drops (a restart, pg_terminate_backend, a network cut) emits
  // "error" on the pool; unhandled, that ends the process. The pool has already discarded the
  // connection, and the next query opens a new one, so there is nothing else to do.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: "postgresql",
    prisma,
    sql: poolSession(pool),
    async withMigrationLock<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      const client = await checkOut(pool);
      try {
        // A session-level advisory lock: held across the per-migration transactions, freed by the
        // server even if this process dies.
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        try {
          return await work(pgSession(client));
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void) {
      const stop = await listenOnPostgres(url, channel, onPayload, onResume);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    async releaseMemory() {
      // The rows live in PostgreSQL's own processes; nothing of them stays here.
      return 0;
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/**
 * A connection held outside the pool: while checked out, the pool no longer hears its errors, and a
 * connection the server drops between two statements of a transaction would emit an unhandled "error".
 * The statement that follows fails instead, and the pool discards the connection on release.
 */
async function checkOut(pool: Pool): Promise<PoolClient> {
  const client = await pool.connect();
  const ignore = () => undefined;
  client.on("error", ignore);
  const release = client.release.bind(client);
  client.release = (error?: Error | boolean) => {
    client.removeListener("error", ignore);
    return release(error);
  };
  return client;
}

/** Plain queries take any pooled connection; a transaction keeps one connection until it ends. */
function poolSession(pool: Pool): SqlSession {
  return {
    statementRows: "columnArrays",
    async query<Row>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async exec(script: string) {
      await pool.query(script);
    },
    async transaction<T>(work: (tx: SqlSession) => Promise<T>) {
      const client = await checkOut(pool);
      try {
        return await pgSession(client).transaction(work);
      } finally {
        client.release();
      }
    },
  };
}

function pgSession(client: PoolClient): SqlSession {
  // Statements issued before the last one finished (QueuedWrites) are sent at once and run in the order
  // issued: the pool's connections are pipelined (see openPostgresDatabase).
  const session: SqlSession = {
    statementRows: "columnArrays",
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(script: string) {
      await client.query(script);
    },
    copyFrom(table: string, columns: readonly string[], csv: string) {
      return copyFromText(client, table, columns, csv);
    },
    transaction<T>(work: (tx: SqlSession) => Promise<T>) {
      // A deadlock or serialization failure rolls the whole transaction back: it is run again from BEGIN.
      return retryTransientTransaction(async () => {
        await session.exec("BEGIN");
        try {
          const result = await work(session);
          await session.exec("COMMIT");
          return result;
        } catch (error) {
          await session.exec("ROLLBACK");
          throw error;
        }
      });
    },
  };
  return session;
}
