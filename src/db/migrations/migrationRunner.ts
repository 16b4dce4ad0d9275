import crypto from "node:crypto";
import type { Database, SqlSession } from "../database";
import type { Logger } from "../../logger";
import type { MigrationFile } from "./migrationFiles";

/** The history table exactly as Prisma's schema engine creates it, so `prisma migrate status` agrees. */
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/** A migration that could not be applied; the database is as it was before that migration. */
export class MigrationError extends Error {
  constructor(message: string, readonly migration?: string, readonly file?: string) {
    super(message);
    this.name = "MigrationError";
  }
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies the pending migrations in order, each in its own transaction, under the database's migration
 * lock, and records each in `_prisma_migrations` as Prisma does. Running it again is a no-op.
 * @throws MigrationError naming the file of a migration that failed (nothing of it is kept), or when
 * the history holds a failed migration that must be resolved first.
 */
export async function applyMigrations(
  database: Database,
  migrations: MigrationFile[],
  logger: Logger,
): Promise<MigrationReport> {
  return database.withMigrationLock(async (session) => {
    await session.exec(CREATE_HISTORY_TABLE);
    const history = await session.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = history.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} is recorded as started but not finished; resolve it ` +
          `(e.g. \`prisma migrate resolve\`) before applying more`,
        failed.migration_name,
      );
    }
    const done = new Map(
      history.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((r) => [r.migration_name, r]),
    );
    warnAboutDivergence(migrations, done, logger);

    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (done.has(migration.name)) {
        report.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(session, migration);
      logger.info(`Applied migration ${migration.name}`);
      report.applied.push(migration.name);
    }
    return report;
  });
}

async function applyOne(session: SqlSession, migration: MigrationFile): Promise<void> {
  const startedAt = new Date();
  try {
    await session.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
        [crypto.randomUUID(), migration.checksum, migration.name, startedAt],
      );
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back (${migration.path}): ${reason}`,
      migration.name,
      migration.path,
    );
  }
}

function warnAboutDivergence(migrations: MigrationFile[], done: Map<string, HistoryRow>, logger: Logger): void {
  const known = new Set(migrations.map((m) => m.name));
  for (const migration of migrations) {
    const row = done.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      logger.warn(`Migration ${migration.name} was modified after it was applied (checksum differs)`, {
        file: migration.path,
      });
    }
  }
  for (const name of done.keys()) {
    if (!known.has(name)) logger.warn(`Migration ${name} is applied but missing from the migrations folder`);
  }
}
