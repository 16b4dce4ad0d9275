import "reflect-metadata";
import { parseArgs } from "node:util";
import { describeDatabase, loadConfig } from "../config";
import { createLogger } from "../logger";
import { openDatabase } from "../db/database";
import { createCatalogServices } from "../catalog/catalogServices";
import { DEFAULT_REPORT_LIMIT, MAX_REPORT_LIMIT } from "../catalog/quality/catalogQuality.service";
import { catalogReportText } from "./catalogReportText";
import { runCli, UsageError } from "./runCli";

const USAGE = `usage:
  npm run catalog:report [-- --limit N] [--json]

  --limit N   list at most N entries per section (default ${DEFAULT_REPORT_LIMIT}, at most ${MAX_REPORT_LIMIT}); totals count everything
  --json      print the report as JSON instead of text`;

/**
 * \`npm run catalog:report\` measures the catalog in the configured database (DATABASE_URL, else the
 * PGlite folder CATALOG_DATA_DIR): suspected duplicates, conflicts by field and pattern, models without
 * limits or prices, documents that contributed nothing. It reads only: no migration, no seed, no write.
 * Exits 1 when the catalog cannot be read, 2 on bad usage, 78 on bad configuration.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { limit: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`catalog:report takes no positional arguments, got "${positionals[0]}"`);
  const limit = values.limit === undefined ? DEFAULT_REPORT_LIMIT : Number(values.limit);
  if (!/^\d+$/.test(values.limit ?? "0") || limit > MAX_REPORT_LIMIT) throw new UsageError(`--limit must be a whole number from 0 to ${MAX_REPORT_LIMIT}, got "${values.limit}"`);

  const config = loadConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const database = await openDatabase(config.database);
  try {
    const services = createCatalogServices(database, { seedDir: config.seedDir, logger });
    await services.readModel.rebuild();
    if (services.readModel.stats.stale) throw new Error(`Could not read the catalog from ${describeDatabase(config.database)}; is it migrated and seeded (npm run seed)?`);
    services.readModel.close();
    const report = await services.quality.report(services.readModel.current, limit);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${catalogReportText(report, describeDatabase(config.database))}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

runCli(main, USAGE);
