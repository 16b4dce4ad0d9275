import type { Database, SqlSession } from "./database";

/**
 * The same database, calling `onRoundTrip` for every statement sent through its raw sessions and every
 * operation of its Prisma client (one operation is usually one statement; a nested write may be a few).
 * The server counts them on /metrics, and a test asserts that public reads make none.
 */
export function countRoundTrips(database: Database, onRoundTrip: () => void): Database {
  const wrap = (session: SqlSession): SqlSession => ({
    query: (sql, params) => {
      onRoundTrip();
      return session.query(sql, params);
    },
    exec: (script) => {
      onRoundTrip();
      return session.exec(script);
    },
    transaction: (work) => session.transaction((tx) => work(wrap(tx))),
    statementRows: session.statementRows,
    ...(session.copyFrom
      ? {
          copyFrom: (table: string, columns: readonly string[], csv: string) => {
            onRoundTrip();
            return session.copyFrom!(table, columns, csv);
          },
        }
      : {}),
  });
  const prisma = database.prisma.$extends({
    query: {
      $allOperations({ args, query }) {
        onRoundTrip();
        return query(args);
      },
    },
  }) as unknown as Database["prisma"];
  return { ...database, prisma, sql: wrap(database.sql) };
}
