import "reflect-metadata";
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, describeDatabase, loadConfig, type Config } from "./config";
import { createLogger, type Logger } from "./logger";
import { openDatabase, type Database } from "./db/database";
import { applyMigrations } from "./db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "./db/migrations/migrationFiles";
import { createCatalogServices, startReadModel, stopReadModel } from "./catalog/catalogServices";
import { seedCatalog } from "./catalog/import/seedCatalog";
import { buildCatalogSchema } from "./graphql/schema";
import { createRequestContext } from "./graphql/createContext";
import { startHttpServer } from "./http/httpServer";
import { CatalogMetrics } from "./http/metrics";
import { countRoundTrips } from "./db/countRoundTrips";
import { buildWithSpeedSettings, releaseBuildGarbage, useServingSettings } from "./servingMemory";

export interface RunningCatalog {
  url: string;
  port: number;
  database: Database;
  stop(): Promise<void>;
}

/**
 * The one assembly point: config → database (migrated) → services → schema → HTTP.
 * The caller owns the returned server and must `stop()` it.
 */
export async function bootstrap(config: Config, logger: Logger, options: { servingMemory?: boolean } = {}): Promise<RunningCatalog> {
  // Only the server's own process tunes V8 (flags hold for the whole process: a test runner's too), and
  // before the database opens: PGlite's module is compiled then.
  if (options.servingMemory) useServingSettings(config.database.kind);
  logger.info(`Opening ${describeDatabase(config.database)}`);
  const database = await openDatabase(config.database);
  try {
    const migrationFiles = readMigrationFiles(defaultMigrationsDir());
    const report = await applyMigrations(database, migrationFiles, logger);
    logger.info(`Database schema is current`, { applied: report.applied.length, alreadyApplied: report.alreadyApplied.length });
    if (config.seedOnStart) {
      const seeded = await seedCatalog(database, config.seedDir, { unlessComplete: true });
      if (seeded) logSeed(logger, config.seedDir, seeded);
    }
    const metrics = new CatalogMetrics();
    const afterRebuild = () =>
      void releaseBuildGarbage(database).then(
        (freed) => logger.debug("Freed the read model build's garbage", { serverMb: Math.round(freed.server / 2 ** 20), databaseMb: Math.round(freed.database / 2 ** 20) }),
        (error: unknown) => logger.warn("Could not free the read model build's garbage", { error }),
      );
    const services = createCatalogServices(countRoundTrips(database, () => metrics.databaseRoundTrip()), {
      seedDir: config.seedDir,
      logger,
      rebuildHooks: options.servingMemory ? { beforeRebuild: buildWithSpeedSettings, afterRebuild } : {},
    });
    await startReadModel(services);
    const schema = await buildCatalogSchema(services);
    const http = await startHttpServer(
      { schema, logger, createContext: (requestId, authorization) => createRequestContext(services, requestId, authorization), catalogVersion: () => services.readModel.current,
        responseCacheEntries: config.responseCacheEntries,
        corsOrigins: config.corsOrigins,
        shutdownGraceMs: config.shutdownGraceMs,
        rateLimits: config.rateLimits,
        trustedProxies: config.trustedProxies,
        metrics,
        readiness: () => services.health.readiness({ migrations: migrationFiles.length, seeded: config.seedOnStart }),
      },
      { port: config.port, host: config.host },
    );
    return {
      url: http.url,
      port: http.port,
      database,
      async stop() {
        await http.stop();
        await stopReadModel(services);
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** The argument that makes this program seed its database and exit (see seedInChildProcess). */
const SEED_ONLY = "--seed-only";

/**
 * A file the seed child leaves in an embedded database's folder once the catalog there is seeded. Only a
 * hint of where to seed: the database's own record of a completed seed decides whether one runs.
 */
const SEEDED_MARKER = ".catalog-seeded";

/**
 * Why a start should seed in a short-lived child process, if it should: an embedded database in a folder
 * that holds no database yet, or one whose seed the child has not seen complete (a first start stopped
 * halfway, or a folder from before the marker). PGlite's WebAssembly memory grows to the largest size a
 * seed needs (about 640 MB) and never shrinks, so a server that seeded in its own process kept about
 * 1 GB resident for as long as it ran, and seeded 2.4 times slower under its serving settings; a child's
 * memory goes back when it exits. The data-dir lock is the child's while it seeds; this process opens
 * the folder after it exited.
 */
function childSeedReason(config: Config): "empty" | "unfinished" | undefined {
  const target = config.database;
  if (!config.seedOnStart || target.kind !== "pglite") return undefined;
  if (!fs.existsSync(path.join(target.dataDir, "pgdata"))) return "empty";
  return fs.existsSync(path.join(target.dataDir, SEEDED_MARKER)) ? undefined : "unfinished";
}

/**
 * Runs this program with SEED_ONLY and waits for it. A SIGTERM or SIGINT meanwhile is passed on to it,
 * and this process then exits 0 once it has stopped (a seed stopped halfway runs again on the next start).
 */
function seedInChildProcess(logger: Logger, reason: "empty" | "unfinished"): Promise<void> {
  const child = fork(__filename, [SEED_ONLY], { stdio: "inherit" });
  let stopping = false;
  const forward = (signal: NodeJS.Signals) => () => {
    stopping = true;
    child.kill(signal);
  };
  const onTerm = forward("SIGTERM");
  const onInt = forward("SIGINT");
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  logger.info(reason === "empty" ? "Seeding the empty embedded database in a child process" : "Completing the embedded database's seed in a child process");
  return new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      if (stopping) process.exit(0);
      else if (code === 0) resolve();
      else reject(new Error(`the seed process ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`));
    });
  });
}

/** The child's part: migrate, seed unless already complete, close, and leave the marker. */
async function seedOnly(config: Config, logger: Logger): Promise<void> {
  const database = await openDatabase(config.database, "load");
  try {
    await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), logger);
    const seeded = await seedCatalog(database, config.seedDir, { unlessComplete: true });
    if (seeded) logSeed(logger, config.seedDir, seeded);
  } finally {
    await database.close();
  }
  if (config.database.kind === "pglite") fs.writeFileSync(path.join(config.database.dataDir, SEEDED_MARKER), `Seed complete; checked ${new Date().toISOString()}\n`);
}

function logSeed(logger: Logger, seedDir: string, seeded: NonNullable<Awaited<ReturnType<typeof seedCatalog>>>): void {
  logger.info(`Seeded the catalog from ${seedDir}`, {
    documents: seeded.documents.loaded,
    models: seeded.models.created,
    offerings: seeded.offerings.created,
    prices: seeded.prices.created,
    failed: seeded.failed.length,
    seconds: Number((seeded.durationMs / 1000).toFixed(1)),
  });
  for (const failure of seeded.failed) logger.warn(`Seed document skipped: ${failure.uri}${failure.line !== undefined ? `:${failure.line}` : ""}: ${failure.reason}`);
}

async function run(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (process.argv.includes(SEED_ONLY)) {
    await seedOnly(config, logger);
    process.exit(0);
  }
  const reason = childSeedReason(config);
  if (reason) await seedInChildProcess(logger, reason);
  const catalog = await bootstrap(config, logger, { servingMemory: true });
  logger.info(`Model catalog ready at ${catalog.url}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    catalog.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("Shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

if (require.main === module) {
  run().catch((error: unknown) => {
    process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
