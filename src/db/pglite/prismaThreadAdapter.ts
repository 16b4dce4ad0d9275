import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction, TransactionOptions } from "@prisma/driver-adapter-utils";
import type { PgliteThreadClient } from "./pgliteThreadClient";
import { namedErrorKind } from "./prismaErrorKinds";

// Prisma's PGlite adapter runs in the PGlite thread beside the database; this is its stand-in on the
// server's thread: every call is passed over, results and errors (a DriverAdapterError keeps its name
// and its `cause`, which is what Prisma reads) come back as they were.

const PROVIDER = "postgres" as const;
const ADAPTER_NAME = "pglite-prisma-adapter (in a thread)";

/** A Prisma driver adapter factory whose adapter runs in the PGlite thread. */
export function prismaThreadAdapter(pgliteThread: PgliteThreadClient): SqlDriverAdapterFactory {
  // Errors come back with the kinds PostgreSQL's adapter names (prismaErrorKinds.ts).
  const thread = {
    call: <T>(request: Parameters<PgliteThreadClient["call"]>[0]) =>
      pgliteThread.call<T>(request).catch((error: unknown) => {
        const cause = (error as { cause?: unknown }).cause;
        if (error instanceof Error && error.name === "DriverAdapterError" && typeof cause === "object" && cause !== null) {
          (error as Error & { cause: unknown }).cause = namedErrorKind(cause as { kind: string });
        }
        throw error;
      }),
  };
  return {
    provider: PROVIDER,
    adapterName: ADAPTER_NAME,
    async connect(): Promise<SqlDriverAdapter> {
      return {
        provider: PROVIDER,
        adapterName: ADAPTER_NAME,
        queryRaw: (query: SqlQuery) => thread.call<SqlResultSet>({ op: "prismaQuery", query }),
        executeRaw: (query: SqlQuery) => thread.call<number>({ op: "prismaExecute", query }),
        executeScript: (script: string) => thread.call<void>({ op: "prismaScript", script }),
        async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
          const { id, options } = await thread.call<{ id: number; options: TransactionOptions }>({ op: "prismaBegin", isolationLevel });
          return {
            provider: PROVIDER,
            adapterName: ADAPTER_NAME,
            options,
            queryRaw: (query: SqlQuery) => thread.call<SqlResultSet>({ op: "prismaQuery", query, tx: id }),
            executeRaw: (query: SqlQuery) => thread.call<number>({ op: "prismaExecute", query, tx: id }),
            commit: () => thread.call<void>({ op: "prismaEnd", tx: id, commit: true }),
            rollback: () => thread.call<void>({ op: "prismaEnd", tx: id, commit: false }),
          };
        },
        getConnectionInfo: () => ({ supportsRelationJoins: true }),
        dispose: async () => undefined,
      };
    },
  };
}
