import "reflect-metadata";
import { parseArgs } from "node:util";
import { describeDatabase, loadConfig } from "../config";
import { createLogger } from "../logger";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../db/migrations/migrationFiles";
import { DOCUMENT_FORMATS } from "../ingest/formatRegistry";
import type { DocumentFormat } from "../ingest/observation";
import { importDocuments, type ImportProgress } from "../catalog/import/importDocuments";
import { seedCatalog } from "../catalog/import/seedCatalog";
import { importSummary } from "../catalog/import/importSummary";
import { ProgressBar } from "./progressBar";
import { runCli, UsageError } from "./runCli";

const USAGE = `usage:
  npm run seed [-- --tolerate-failures]
  npm run import -- [--format ${DOCUMENT_FORMATS.ids.join("|")}] [--tolerate-failures] PATH...`;

/**
 * \`npm run seed\` loads the whole seed folder; \`npm run import -- PATH\` one file or folder. Both migrate
 * the configured database first, draw a progress bar on a terminal, print a summary, and exit 1 when a
 * file failed (unless --tolerate-failures), 2 on bad usage, 78 on bad configuration.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { format: { type: "string" }, "tolerate-failures": { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as DocumentFormat | undefined;
  if (format !== undefined && !DOCUMENT_FORMATS.byId(format)) throw new UsageError(`--format must be one of ${DOCUMENT_FORMATS.ids.join(", ")}, got "${format}"`);
  if (command === "seed" && positionals.length > 0) throw new UsageError("seed takes no paths; it loads the seed folder (CATALOG_SEED_DIR)");
  if (command === "import" && positionals.length === 0) throw new UsageError("import needs at least one file or folder");
  if (command !== "seed" && command !== "import") throw new UsageError(`unknown command "${command ?? ""}"`);

  const config = loadConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const targets = command === "seed" ? [config.seedDir] : positionals;
  process.stderr.write(`${command === "seed" ? "Seeding" : "Importing into"} ${describeDatabase(config.database)}\n`);
  const database = await openDatabase(config.database, "load");
  try {
    await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), logger);
    const bar = new ProgressBar();
    const onProgress = (p: ImportProgress) =>
      p.phase === "read" ? bar.update(`reading ${p.uri}`, p.done, p.total) : bar.update(`loading ${p.group}: ${p.step}`);
    const report = command === "seed" ? (await seedCatalog(database, config.seedDir, { onProgress }))! : await importDocuments(database, targets, { format, uriBase: config.seedDir, onProgress });
    bar.clear();
    process.stdout.write(`${importSummary(report)}\n`);
    if (report.failed.length > 0 && !values["tolerate-failures"]) {
      process.stderr.write(`${report.failed.length} file(s) failed; the others were loaded. Pass --tolerate-failures to exit 0 anyway.\n`);
      return 1;
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCli(main, USAGE);
