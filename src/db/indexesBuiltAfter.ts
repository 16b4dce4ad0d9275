import type { SqlSession } from "./database";

// A bulk load into an empty table builds the table's secondary indexes after its rows, as pg_restore
// does: sorting the rows once is cheaper than inserting every one into each index. A seed's 168,000
// facts, measured on the same rows: on PGlite's thread COPY with the two indexes took 2.9-3.3 s,
// COPY then CREATE INDEX 2.1-2.2 s; on PostgreSQL 0.85-1.0 s against 0.67 s.
//
// Only an empty table: rebuilding sorts every row of the table, not just the new ones. Only indexes no
// constraint owns (a primary key stays: dropping it would drop what references it). The definitions are
// read from the database's catalog, so they are rebuilt exactly as the migrations made them. Everything
// runs in the load's transaction: a failed load rolls the indexes back with the rows, and a duplicate
// fails the rebuild of a unique index as the insert would have. The drop takes an exclusive lock on the
// table until the load commits: another connection reading it waits for the load (on an empty table,
// which has nothing to show it before the commit anyway).

/** Rows below which maintaining the indexes costs less than the two statements and a rebuild per index. */
export const INDEXES_AFTER_MIN_ROWS = 10_000;

/** The secondary indexes of a table, to drop before a bulk insert and build after it. */
export interface IndexesBuiltAfter {
  drop: string[];
  build: string[];
}

const NONE: IndexesBuiltAfter = { drop: [], build: [] };

/**
 * The indexes of `table` that an insert of `rows` rows may build after its rows: every index no
 * constraint owns when the table is empty and the insert is large, none otherwise.
 */
export async function indexesBuiltAfter(tx: SqlSession, table: string, rows: number): Promise<IndexesBuiltAfter> {
  if (rows < INDEXES_AFTER_MIN_ROWS) return NONE;
  const quoted = `"${table.replaceAll('"', '""')}"`;
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        AND NOT EXISTS (SELECT 1 FROM ${quoted})
      ORDER BY i.relname`,
    [quoted],
  );
  return {
    drop: indexes.map((index) => `DROP INDEX "${index.name.replaceAll('"', '""')}"`),
    build: indexes.map((index) => index.definition),
  };
}

/**
 * Runs `insert` between dropping and building `indexes`. Like bulkRows, it issues every statement before
 * it awaits anything (QueuedWrites): the drops, the insert's statements, then the builds, in that order.
 */
export async function insertWithIndexesAfter(tx: SqlSession, indexes: IndexesBuiltAfter, insert: () => Promise<unknown>): Promise<void> {
  const issued: Promise<unknown>[] = indexes.drop.map((statement) => tx.exec(statement));
  issued.push(insert());
  issued.push(...indexes.build.map((statement) => tx.exec(statement)));
  await Promise.all(issued);
}
