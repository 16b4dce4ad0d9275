import type { SqlSession } from "./database";

// A bulk load into empty tables builds their secondary indexes and checks their foreign keys after the
// rows, as pg_restore does: sorting the rows once costs less than inserting every row into each index,
// and one join checks a foreign key for all rows where a trigger looks up the referenced row for each.
// Measured on a seed's rows: the 168,000 facts (two secondary indexes) on PGlite's thread 2.1-2.2 s
// against 2.9-3.3 s, on PostgreSQL 0.67 against 0.85-1.0 s; the 32,600 offering flags (two foreign
// keys) on PostgreSQL 0.26 s against 0.76 s.
//
// Only empty tables: rebuilding sorts every row of a table and checking a key joins all of them, not
// just the new ones. Only indexes no constraint owns (a primary key stays: foreign keys and upserts rely
// on it). The definitions are read from the database's catalog, so they come back exactly as the
// migrations made them. Everything runs in the load's transaction: a failed load rolls them back with
// the rows, and a duplicate or a dangling reference fails the rebuild as the insert would have. The
// drops lock the tables until the load commits: another connection reading them waits for the load
// (they are empty: it has nothing to show before the commit anyway).

/** Rows below which the checks per row cost less than dropping and rebuilding them. */
export const BULK_LOAD_MIN_ROWS = 10_000;

/** Statements to issue before a bulk load's rows (drops) and after them (rebuilds, in that order). */
export interface DeferredChecks {
  drop: string[];
  /**
   * By table: its indexes, then its foreign keys. A table's can be issued once its own rows are written,
   * while the load goes on writing the others'.
   */
  restore: ReadonlyMap<string, string[]>;
}

const NO_DEFERRED_CHECKS: DeferredChecks = { drop: [], restore: new Map() };

/** The rebuilds of the deferred checks of the tables `which` takes (every table's by default), in table order. */
export function restoreStatements(checks: DeferredChecks, which: (table: string) => boolean = () => true): string[] {
  return [...checks.restore].filter(([table]) => which(table)).flatMap(([, statements]) => statements);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The secondary indexes and foreign keys of those `tables` that are empty, when the load brings at least
 * BULK_LOAD_MIN_ROWS rows (`rows`, the load's largest insert); none otherwise.
 */
export async function deferChecksWhileEmpty(tx: SqlSession, tables: readonly string[], rows: number): Promise<DeferredChecks> {
  if (rows < BULK_LOAD_MIN_ROWS || tables.length === 0) return NO_DEFERRED_CHECKS;
  const empty = tables.map((table, i) => `SELECT $${i + 1}::regclass AS id WHERE NOT EXISTS (SELECT 1 FROM ${quote(table)})`).join(" UNION ALL ");
  const checks = await tx.query<{ kind: "index" | "foreignKey"; tableName: string; name: string; definition: string }>(
    `WITH empty AS (${empty})
     SELECT 'index' AS kind, t.relname AS "tableName", i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM empty JOIN pg_index x ON x.indrelid = empty.id JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     UNION ALL
     SELECT 'foreignKey', t.relname, c.conname, pg_get_constraintdef(c.oid)
       FROM empty JOIN pg_constraint c ON c.conrelid = empty.id AND c.contype = 'f' JOIN pg_class t ON t.oid = c.conrelid
      ORDER BY 1 DESC, 2, 3`,
    tables.map(quote),
  );
  const indexes = checks.filter((c) => c.kind === "index");
  const foreignKeys = checks.filter((c) => c.kind === "foreignKey");
  return {
    drop: [
      ...foreignKeys.map((fk) => `ALTER TABLE ${quote(fk.tableName)} DROP CONSTRAINT ${quote(fk.name)}`),
      ...indexes.map((index) => `DROP INDEX ${quote(index.name)}`),
    ],
    restore: new Map(
      [...new Set(checks.map((c) => c.tableName))].sort().map((table) => [
        table,
        // Indexes first: checking a foreign key joins on them.
        [
          ...indexes.filter((index) => index.tableName === table).map((index) => index.definition),
          ...foreignKeys.filter((fk) => fk.tableName === table).map((fk) => `ALTER TABLE ${quote(fk.tableName)} ADD CONSTRAINT ${quote(fk.name)} ${fk.definition}`),
        ],
      ]),
    ),
  };
}

/**
 * Issues `statements` one after another without waiting between them (QueuedWrites: every statement is
 * issued before anything is awaited); resolves when all have run.
 */
export async function issueStatements(tx: SqlSession, statements: readonly string[]): Promise<void> {
  await Promise.all(statements.map((statement) => tx.exec(statement)));
}
