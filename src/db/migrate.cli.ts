import "reflect-metadata";
import { ConfigError, describeDatabase, loadConfig } from "../config";
import { createLogger } from "../logger";
import { openDatabase } from "./database";
import { applyMigrations } from "./migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "./migrations/migrationFiles";

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info(`Migrating ${describeDatabase(config.database)}`);
  const database = await openDatabase(config.database);
  try {
    const report = await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), logger);
    logger.info(`Done`, { applied: report.applied, alreadyApplied: report.alreadyApplied.length });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
